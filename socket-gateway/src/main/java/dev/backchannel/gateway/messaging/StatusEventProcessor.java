package dev.backchannel.gateway.messaging;

import dev.backchannel.gateway.GatewayMetrics;
import dev.backchannel.gateway.replay.ReplayWindow;
import dev.backchannel.gateway.routing.FramePusher;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.StatusEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.amqp.IncomingAmqpMetadata;
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
 *
 * <p>The relay's {@code publishedAt} and {@code publishAttempts} go into the frame's timing before the
 * event is recorded, so a replay shows them too; the push is a span continuing the relay's publish span.
 */
@ApplicationScoped
public class StatusEventProcessor {

    private static final Logger LOG = Logger.getLogger(StatusEventProcessor.class);

    private final ReplayWindow window;
    private final FramePusher pusher;
    private final GatewayMetrics metrics;
    private final Tracer tracer;

    public StatusEventProcessor(ReplayWindow window, FramePusher pusher, GatewayMetrics metrics, Tracer tracer) {
        this.window = window;
        this.pusher = pusher;
        this.metrics = metrics;
        this.tracer = tracer;
    }

    @Incoming(Addresses.STATUS)
    public CompletionStage<Void> onStatusEvent(Message<Object> message) {
        try {
            PublishProperties published = PublishProperties.of(message.getMetadata(IncomingAmqpMetadata.class)
                    .map(IncomingAmqpMetadata::getProperties).orElse(null));
            StatusEvent event = published.applyTo(StatusEventReader.read(message.getPayload()));
            Span span = tracer.spanBuilder("status push").setSpanKind(SpanKind.CONSUMER)
                    .setParent(published.traceContext())
                    .setAttribute("messaging.destination.name", Addresses.STATUS)
                    .setAttribute("messaging.message.id", event.eventId())
                    .startSpan();
            try (Scope ignored = span.makeCurrent()) {
                // into the window first, whether or not a socket for it is open here: a resume may ask later
                window.record(event);
                span.setAttribute("backchannel.sockets", pusher.push(event));
            } finally {
                span.end();
            }
        } catch (StatusEventReader.InvalidStatusEvent e) {
            metrics.invalidStatusEvent();
            LOG.warnf("dropped invalid status event %s: %s", e.eventId(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not push a status event");
        }
        return message.ack();
    }
}
