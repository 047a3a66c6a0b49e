package dev.backchannel.processor.outbox;

/**
 * Event ids made from outbox sequence numbers: 20 decimal digits, zero-padded, so they compare as
 * strings in the order the events were committed (the schema's {@code ^[0-9A-Za-z]{10,40}$}).
 */
public final class EventIds {

    private EventIds() {
    }

    public static String of(long seq) {
        if (seq < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1, was " + seq);
        }
        return String.format("%020d", seq);
    }

    public static long seqOf(String eventId) {
        return Long.parseLong(eventId);
    }
}
