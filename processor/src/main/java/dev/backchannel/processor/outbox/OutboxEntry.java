package dev.backchannel.processor.outbox;

import java.time.Instant;

/**
 * One committed status event waiting to be published (or published already). {@code payloadJson}
 * is the whole {@link dev.backchannel.schemas.StatusEvent}, exactly as it goes on the wire;
 * {@code occurredAt} is when its command was processed; {@code attempts} counts earlier publish
 * attempts; {@code traceparent} is the trace context of the command span that wrote it, or null.
 */
public record OutboxEntry(long seq, String eventId, String userId, String topic, String payloadJson,
        Instant occurredAt, int attempts, String traceparent) {
}
