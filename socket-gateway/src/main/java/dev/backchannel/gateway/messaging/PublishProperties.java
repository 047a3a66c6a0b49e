package dev.backchannel.gateway.messaging;

import dev.backchannel.schemas.Addresses;
import dev.backchannel.service.trace.Traceparent;
import io.opentelemetry.context.Context;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * What the outbox relay says about a status message in its application properties: when it
 * published it ({@code publishedAt}), after how many attempts ({@code publishAttempts}), and the
 * trace context of its publish span ({@code traceparent}). Properties that are missing or malformed
 * are ignored: an event from another producer is pushed all the same.
 */
record PublishProperties(Instant publishedAt, Integer publishAttempts, String traceparent) {

    static PublishProperties of(JsonObject properties) {
        if (properties == null) {
            return new PublishProperties(null, null, null);
        }
        Object at = properties.getValue(Addresses.PUBLISHED_AT_PROPERTY);
        Object attempts = properties.getValue(Addresses.PUBLISH_ATTEMPTS_PROPERTY);
        Object traceparent = properties.getValue(Addresses.TRACEPARENT_PROPERTY);
        Integer count = attempts instanceof Number n && n.intValue() >= 1 ? n.intValue() : null;
        return new PublishProperties(StatusEventReader.instant(at), count, traceparent instanceof String text ? text : null);
    }

    /** No properties: an event whose producer stamped nothing. */
    static final PublishProperties NONE = new PublishProperties(null, null, null);

    /**
     * Whether the publish span was sampled (the W3C {@code traceparent} flags say so): only then is
     * the push worth a span of its own. Nothing is sampled by default, so the push path builds no
     * span and extracts no context.
     */
    boolean sampled() {
        return Traceparent.isSampled(traceparent);
    }

    /** The context of the publish span, to continue the trace from; the root context when there is none. */
    Context traceContext() {
        return Traceparent.parent(traceparent);
    }
}
