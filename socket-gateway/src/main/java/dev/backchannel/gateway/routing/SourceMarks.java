package dev.backchannel.gateway.routing;

import dev.backchannel.schemas.EventSources;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The highest event id of each source (ids sort within a source only). Kept small: most sockets only
 * ever see the default source, which needs no map. Not thread-safe.
 */
final class SourceMarks {

    private String ofDefault;
    private Map<String, String> ofOthers;

    String of(String source) {
        if (EventSources.DEFAULT.equals(source)) {
            return ofDefault;
        }
        return ofOthers == null ? null : ofOthers.get(source);
    }

    /** Whether {@code eventId} sorts after the mark of its source (or the source has none yet). */
    boolean isAfter(String source, String eventId) {
        String mark = of(source);
        return mark == null || eventId.compareTo(mark) > 0;
    }

    void raise(String source, String eventId) {
        if (!isAfter(source, eventId)) {
            return;
        }
        if (EventSources.DEFAULT.equals(source)) {
            ofDefault = eventId;
        } else {
            if (ofOthers == null) {
                ofOthers = new HashMap<>(4);
            }
            ofOthers.put(source, eventId);
        }
    }

    /** Whether any source's mark satisfies {@code test(source, mark)}. */
    boolean any(BiPredicate<String, String> test) {
        if (ofDefault != null && test.test(EventSources.DEFAULT, ofDefault)) {
            return true;
        }
        return ofOthers != null && ofOthers.entrySet().stream().anyMatch(e -> test.test(e.getKey(), e.getValue()));
    }
}
