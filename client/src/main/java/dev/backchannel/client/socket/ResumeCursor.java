package dev.backchannel.client.socket;

import dev.backchannel.schemas.EventSources;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last event id this client has of each source (contract v2, several producers): ids sort within
 * a source only, so each is kept on its own, and a resume names them all. Not thread-safe: the
 * session guards it.
 */
final class ResumeCursor {

    private final Map<String, String> lastIds = new LinkedHashMap<>();

    /** Notes an event id of {@code source}; only a later one than it has raises it. */
    void seen(String source, String eventId) {
        if (eventId != null) {
            lastIds.merge(source, eventId, (had, seen) -> seen.compareTo(had) > 0 ? seen : had);
        }
    }

    /** The last event id of the default source (what a v1 resume and {@code lastEventId} name). */
    String ofDefault() {
        return lastIds.get(EventSources.DEFAULT);
    }

    /** Every other source's last event id (null when there is none, so a v1 resume stays v1). */
    Map<String, String> ofOthers() {
        Map<String, String> others = new LinkedHashMap<>(lastIds);
        others.remove(EventSources.DEFAULT);
        return others.isEmpty() ? null : Map.copyOf(others);
    }

    Map<String, String> all() {
        return Map.copyOf(lastIds);
    }

    boolean isEmpty() {
        return lastIds.isEmpty();
    }

    /** After a reset the gateway could not vouch for it: forget it (the reload starts it again). */
    void clear() {
        lastIds.clear();
    }
}
