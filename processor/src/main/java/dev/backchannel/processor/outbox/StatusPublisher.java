package dev.backchannel.processor.outbox;

import dev.backchannel.processor.AmqpLink;
import dev.backchannel.processor.BrokerLinks;
import dev.backchannel.processor.chaos.ProcessorChaos;
import dev.backchannel.processor.config.ProcessorConfig;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.service.trace.Traceparent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.amqp.AmqpMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes outbox entries to {@code status}: durable, JSON of
 * {@link dev.backchannel.schemas.StatusEvent}, message id = event id, AMQP group-id = user id, a time to
 * live of its own ({@code backchannel.processor.outbox.status-ttl}).
 * Every send is issued from the relay thread, in order, on one link (see {@link AmqpLink}).
 *
 * <p>The body goes out as committed (never re-serialised: this is the hot path). What only the
 * relay knows travels as application properties: {@code publishedAt}, {@code publishAttempts}, and
 * the {@code traceparent} of a "publish" span that continues the command's trace; the gateway puts
 * them into the frame.
 */
@ApplicationScoped
public class StatusPublisher {

    private final AmqpLink link;
    private final ProcessorChaos chaos;
    private final Tracer tracer;
    private final long ttlMillis;
    private volatile boolean lastFailureInjected;

    public StatusPublisher(@Named(BrokerLinks.STATUS) AmqpLink link, ProcessorChaos chaos, Tracer tracer,
            ProcessorConfig config) {
        this.link = link;
        this.chaos = chaos;
        this.tracer = tracer;
        this.ttlMillis = config.outbox().statusTtl().toMillis();
    }

    /**
     * Sends {@code entries} stamped as published at {@code publishedAt}; returns how many from the start
     * the broker settled. The rest are to be sent again, in order.
     */
    public int publish(List<OutboxEntry> entries, Instant publishedAt, Duration timeout) {
        List<Span> spans = new ArrayList<>(entries.size());
        List<AmqpMessage> messages = new ArrayList<>(entries.size());
        String stamp = publishedAt.toString();
        for (OutboxEntry entry : entries) {
            Span span = publishSpan(entry);
            spans.add(span);
            messages.add(toMessage(entry, Traceparent.of(span, entry.traceparent()), stamp));
        }
        lastFailureInjected = chaos.publishFails();
        // chaos publishFailureRate: as if the broker refused the batch; the relay retries
        int settled = lastFailureInjected ? 0 : link.send(messages, timeout);
        for (int i = 0; i < spans.size(); i++) {
            if (i >= settled) {
                spans.get(i).setStatus(StatusCode.ERROR, lastFailure());
            }
            spans.get(i).end();
        }
        return settled;
    }

    public boolean linked() {
        return link.linked();
    }

    public boolean connect(Duration timeout) {
        return link.connect(timeout);
    }

    public String lastFailure() {
        return lastFailureInjected ? "injected by the publishFailureRate chaos flag" : link.lastFailure();
    }

    /** A child of the command's span; none (an invalid span) for an entry written without trace context. */
    private Span publishSpan(OutboxEntry entry) {
        if (entry.traceparent() == null) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder("status publish").setSpanKind(SpanKind.PRODUCER)
                .setParent(Traceparent.parent(entry.traceparent()))
                .setAttribute("messaging.destination.name", Addresses.STATUS)
                .setAttribute("messaging.message.id", entry.eventId())
                .startSpan();
    }

    private AmqpMessage toMessage(OutboxEntry entry, String traceparent, String publishedAt) {
        JsonObject properties = new JsonObject()
                .put(Addresses.PUBLISHED_AT_PROPERTY, publishedAt)
                .put(Addresses.PUBLISH_ATTEMPTS_PROPERTY, entry.attempts() + 1);
        if (traceparent != null) {
            properties.put(Addresses.TRACEPARENT_PROPERTY, traceparent);
        }
        var message = AmqpMessage.create().durable(true).ttl(ttlMillis).id(entry.eventId()).contentType("application/json")
                .applicationProperties(properties).withBody(entry.payloadJson());
        if (entry.userId() != null) {
            message.groupId(entry.userId());
        }
        return message.build();
    }
}
