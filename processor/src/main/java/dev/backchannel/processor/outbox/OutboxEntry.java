package dev.backchannel.processor.outbox;

/**
 * One committed status event waiting to be published (or published already). {@code payloadJson}
 * is the whole {@link dev.backchannel.schemas.StatusEvent}, exactly as it goes on the wire.
 */
public record OutboxEntry(long seq, String eventId, String userId, String topic, String payloadJson,
        int attempts) {
}
