package dev.backchannel.gateway.messaging;

import dev.backchannel.gateway.StatusUpdate;
import dev.backchannel.gateway.metrics.GatewayMetrics;
import dev.backchannel.gateway.replay.ReplayWindow;
import dev.backchannel.gateway.routing.FramePusher;
import dev.backchannel.schemas.Addresses;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Handles each event of this node's subscription to {@code status} ({@link StatusSubscription}), in
 * the order the broker holds them (one user's events in commit order): reads it, records it in the
 * {@link ReplayWindow} and pushes it to the sockets it names. An invalid event is dropped after one
 * log line and counted: a bad event must never stop the subscription. An unexpected failure is not
 * acknowledged but delivered again (each socket skips what it already had, the window keeps one copy).
 *
 * <p>The relay's {@code publishedAt} and {@code publishAttempts} go into the frame's timing when it is
 * read, so a replay shows them too. When the relay's publish span was sampled, the push is a span
 * continuing it; otherwise (the default) no span is built.
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

    /**
     * One message's body and application properties. Returns false when it could not be handled for
     * an unexpected reason (not a bad event): the message is then to be delivered again.
     */
    public boolean onStatusEvent(Object body, JsonObject properties) {
        try {
            PublishProperties published = PublishProperties.of(properties);
            StatusUpdate update = StatusEventReader.read(body, published);
            if (published.sampled()) {
                pushTraced(update, published);
            } else {
                push(update);
            }
        } catch (StatusEventReader.InvalidStatusEvent e) {
            metrics.invalidStatusEvent();
            LOG.warnf("dropped invalid status event %s: %s", e.eventId(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not handle a status event: it is delivered again");
            return false;
        }
        return true;
    }

    private int push(StatusUpdate update) {
        // into the window first, whether or not a socket for it is open here: a resume may ask later
        window.record(update);
        return pusher.push(update);
    }

    private void pushTraced(StatusUpdate update, PublishProperties published) {
        Span span = tracer.spanBuilder("status push").setSpanKind(SpanKind.CONSUMER)
                .setParent(published.traceContext())
                .setAttribute("messaging.destination.name", Addresses.STATUS)
                .setAttribute("messaging.message.id", update.eventId())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            span.setAttribute("backchannel.sockets", push(update));
        } finally {
            span.end();
        }
    }
}
