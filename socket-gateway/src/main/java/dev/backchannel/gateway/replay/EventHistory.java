package dev.backchannel.gateway.replay;

import dev.backchannel.gateway.StatusUpdate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The retained events of one user or one topic, in event id order, at most {@code capacity} of them.
 * Knows the highest id it had to drop for room ({@link #evictedThrough()}): a resume from before
 * that id cannot be answered from here. Not thread-safe: {@link ReplayWindow} guards it.
 */
final class EventHistory {

    private final int capacity;
    private final TreeMap<String, StatusUpdate> events = new TreeMap<>();
    private String evictedThrough;

    EventHistory(int capacity) {
        this.capacity = capacity;
    }

    /** Adds the event unless it is already here (a redelivery); returns whether it was added. */
    boolean add(StatusUpdate event) {
        if (evictedThrough != null && !EventIds.after(event.eventId(), evictedThrough)) {
            return false; // older than what was already given up: a late redelivery
        }
        if (events.putIfAbsent(event.eventId(), event) != null) {
            return false;
        }
        while (events.size() > capacity) {
            evictedThrough = EventIds.max(evictedThrough, events.pollFirstEntry().getKey());
        }
        return true;
    }

    /** Drops one event that grew too old (the window keeps its own, node-wide, age floor). */
    void expire(String eventId) {
        events.remove(eventId);
    }

    Collection<StatusUpdate> after(String eventId) {
        return events.tailMap(eventId, false).values();
    }

    void copyAfter(String eventId, Map<String, StatusUpdate> into) {
        for (StatusUpdate event : after(eventId)) {
            into.putIfAbsent(event.eventId(), event);
        }
    }

    String evictedThrough() {
        return evictedThrough;
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    int size() {
        return events.size();
    }
}
