package dev.backchannel.processor.outbox;

/**
 * Event ids made from outbox sequence numbers: 20 decimal digits, zero-padded, so they compare as
 * strings in the order the relay sequenced the events (the schema's {@code ^[0-9A-Za-z]{10,40}$}).
 *
 * <p>A command's events are written before they have a number: they carry {@link #UNSEQUENCED}, and
 * the relay {@link #stamp stamps} the real id into the stored JSON when it sequences them.
 */
public final class EventIds {

    /** The id of an event not sequenced yet: all zeros, which no sequenced event has (numbers start at 1). */
    public static final String UNSEQUENCED = "00000000000000000000";

    private static final int WIDTH = 20;
    private static final String UNSEQUENCED_FIELD = "\"eventId\":\"" + UNSEQUENCED + "\"";

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

    /** Whether {@code json} still has an event id the relay has not stamped. */
    public static boolean isUnsequenced(String json) {
        return json.contains(UNSEQUENCED_FIELD);
    }

    /**
     * {@code json} (a status event or frame written with {@link #UNSEQUENCED}) with every unsequenced
     * {@code "eventId"} field set to {@code eventId}. Only the field itself can match: a quote inside
     * any string value is escaped in JSON, so user text can never contain it.
     */
    public static String stamp(String json, String eventId) {
        return json.replace(UNSEQUENCED_FIELD, "\"eventId\":\"" + eventId + "\"");
    }
}
