package dev.backchannel.gateway;

import dev.backchannel.schemas.EventSources;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a client resumes: the last event id it has of each source (contract v2, several producers).
 * Event ids sort within a source only, so each source is resumed on its own; a source the cursor
 * does not name is one the client has no event of. The wire forms: {@code resume.lastEventId} (the
 * {@code processor} entry) plus {@code resume.cursor}, or the upgrade parameters {@code resume} and
 * {@code resume.<source>} (see {@code Subprotocols}).
 */
public final class EventCursor {

    private final Map<String, String> lastIds;

    private EventCursor(Map<String, String> lastIds) {
        this.lastIds = Map.copyOf(lastIds);
    }

    /** The last event id of each source; every key a valid source name, every value non-null. */
    public static EventCursor of(Map<String, String> lastIds) {
        return new EventCursor(new TreeMap<>(lastIds));
    }

    /** A v1 resume point: the last event id of {@link EventSources#DEFAULT}. */
    public static EventCursor ofDefault(String lastEventId) {
        return new EventCursor(Map.of(EventSources.DEFAULT, lastEventId));
    }

    /** The last event id the client has of {@code source}, or null when it has none. */
    public String lastOf(String source) {
        return lastIds.get(source);
    }

    public Set<String> sources() {
        return lastIds.keySet();
    }

    @Override
    public String toString() {
        return lastIds.size() == 1 && lastIds.containsKey(EventSources.DEFAULT) ? lastIds.get(EventSources.DEFAULT)
                : new TreeMap<>(lastIds).toString();
    }
}
