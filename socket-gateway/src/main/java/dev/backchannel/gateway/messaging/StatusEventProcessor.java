package dev.backchannel.gateway.messaging;

import dev.backchannel.gateway.GatewayMetrics;
import dev.backchannel.gateway.replay.ReplayWindow;
import dev.backchannel.gateway.routing.FramePusher;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.StatusEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes this node's durable subscription to {@code status} (see application.properties), one
 * event at a time in the order the broker holds them (one user's events in commit order), records
 * each in the {@link ReplayWindow} and pushes it to the sockets it names. Every message is acked, an invalid one too (after one
 * log line): a bad event must never stop the channel.
 */
@ApplicationScoped
public class StatusEventProcessor {

    private static final Logger LOG = Logger.getLogger(StatusEventProcessor.class);

    private final ReplayWindow window;
    private final FramePusher pusher;
    private final GatewayMetrics metrics;

    public StatusEventProcessor(ReplayWindow window, FramePusher pusher, GatewayMetrics metrics) {
        this.window = window;
        this.pusher = pusher;
        this.metrics = metrics;
    }

    @Incoming(Addresses.STATUS)
    public CompletionStage<Void> onStatusEvent(Message<Object> message) {
        try {
            StatusEvent event = StatusEventReader.read(message.getPayload());
            // into the window first, whether or not a socket for it is open here: a resume may ask later
            window.record(event);
            pusher.push(event);
        } catch (StatusEventReader.InvalidStatusEvent e) {
            metrics.invalidStatusEvent();
            LOG.warnf("dropped invalid status event %s: %s", e.eventId(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not push a status event");
        }
        return message.ack();
    }
}
