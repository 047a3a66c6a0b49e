package dev.backchannel.schemas;

import java.util.regex.Pattern;

/**
 * The producers of status events (contract v2, several producers). Each event names its source
 * ({@code [a-z][a-z0-9-]{0,31}}), absent meaning {@link #DEFAULT}; event ids sort within a source,
 * never across sources, so ordering, deduplication and resume are kept per source.
 */
public final class EventSources {

    /** The source of an event that names none: the processor's outbox. */
    public static final String DEFAULT = "processor";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private EventSources() {
    }

    public static boolean isValid(String source) {
        return source != null && NAME.matcher(source).matches();
    }

    /** {@code source}, or {@link #DEFAULT} for null. */
    public static String orDefault(String source) {
        return source == null ? DEFAULT : source;
    }
}
