package dev.backchannel.bench.load;

import java.time.Instant;

/**
 * Reads the few fields the load generator needs from a frame's text without parsing the whole
 * JSON (the gateway writes {@code type} first and no whitespace): at tens of thousands of frames
 * per second the generator must stay cheap next to the server it measures.
 */
final class FrameFields {

    private FrameFields() {
    }

    static String type(String frame) {
        return value(frame, "\"type\":\"");
    }

    static String eventId(String frame) {
        return value(frame, "\"eventId\":\"");
    }

    /** The frame's {@code timestamp} (the benchmark's publish time) in epoch microseconds, or -1. */
    static long timestampMicros(String frame) {
        String text = value(frame, "\"timestamp\":\"");
        if (text == null) {
            return -1;
        }
        try {
            Instant at = Instant.parse(text);
            return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static String userId(String frame) {
        return value(frame, "\"userId\":\"");
    }

    /** A non-negative whole number field ({@code "name":123}, first occurrence), or -1. */
    static long longValue(String frame, String name) {
        String key = "\"" + name + "\":";
        int start = frame.indexOf(key);
        if (start < 0) {
            return -1;
        }
        start += key.length();
        int end = start;
        while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
            end++;
        }
        if (end == start || end - start > 18) {
            return -1;
        }
        return Long.parseLong(frame.substring(start, end));
    }

    static boolean resumed(String frame) {
        return frame.contains("\"resumed\":true");
    }

    private static String value(String frame, String key) {
        int start = frame.indexOf(key);
        if (start < 0) {
            return null;
        }
        start += key.length();
        int end = frame.indexOf('"', start);
        return end < 0 ? null : frame.substring(start, end);
    }
}
