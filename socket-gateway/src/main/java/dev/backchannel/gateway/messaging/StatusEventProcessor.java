package dev.backchannel.gateway.messaging;

import dev.backchannel.gateway.GatewayMetrics;
import dev.backchannel.gateway.routing.FramePusher;
import dev.backchannel.schemas.Addresses;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes this node's durable subscription to {@code status} (see application.properties) and
 * pushes each event to the sockets it names. Every message is acked, an invalid one too (after one
 * log line): a bad event must never stop the channel.
 */
@ApplicationScoped
public class StatusEventProcessor {

    private static final Logger LOG = Logger.getLogger(StatusEventProcessor.class);

    private final FramePusher pusher;
    private final GatewayMetrics metrics;

    public StatusEventProcessor(FramePusher pusher, GatewayMetrics metrics) {
        this.pusher = pusher;
        this.metrics = metrics;
    }

    @Incoming(Addresses.STATUS)
    public CompletionStage<Void> onStatusEvent(Message<Object> message) {
        try {
            pusher.push(StatusEventReader.read(message.getPayload()));
        } catch (StatusEventReader.InvalidStatusEvent e) {
            metrics.invalidStatusEvent();
            LOG.warnf("dropped invalid status event %s: %s", e.eventId(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not push a status event");
        }
        return message.ack();
    }
}
