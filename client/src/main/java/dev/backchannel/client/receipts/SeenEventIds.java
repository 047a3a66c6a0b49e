package dev.backchannel.client.receipts;

import java.util.LinkedHashMap;
import java.util.Map;

/** The most recent event ids seen, up to a bound, so that a replayed frame is recognised. */
final class SeenEventIds {

    private final Map<String, Boolean> ids;

    SeenEventIds(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is seen; null ids (frames without one) always count as new. */
    synchronized boolean add(String eventId) {
        return eventId == null || ids.put(eventId, Boolean.TRUE) == null;
    }
}
