package dev.backchannel.processor.outbox;

/**
 * Event ids made from outbox sequence numbers: 20 decimal digits, zero-padded, so they compare as
 * strings in the order the events were committed (the schema's {@code ^[0-9A-Za-z]{10,40}$}).
 */
public final class EventIds {

    private static final int WIDTH = 20;

    private EventIds() {
    }

    public static String of(long seq) {
        if (seq < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1, was " + seq);
        }
        String digits = Long.toString(seq);
        return "0".repeat(WIDTH - digits.length()) + digits; // String.format was a hot spot on the command path
    }

    public static long seqOf(String eventId) {
        return Long.parseLong(eventId);
    }
}
