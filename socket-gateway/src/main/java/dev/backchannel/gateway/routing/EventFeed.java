package dev.backchannel.gateway.routing;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The order and uniqueness of one socket's events. Events reach a node in commit order, so a socket
 * never needs an id at or below the highest it already has: that is a repeat (a broker redelivery,
 * or an event that was both replayed and pushed live) and is skipped.
 *
 * <p>While the socket waits for its client's {@code resume} (HOLDING) or replays (REPLAYING), live
 * events are held back and sent after the replay, so replayed events always come first. Not
 * thread-safe: {@link ClientSocket} guards it.
 */
final class EventFeed {

    enum Phase { HOLDING, REPLAYING, LIVE }

    private Phase phase = Phase.LIVE;
    private final ArrayDeque<EventFrame> held = new ArrayDeque<>();
    private String lastHandled;
    private String lastDelivered;

    Phase phase() {
        return phase;
    }

    void phase(Phase next) {
        phase = next;
    }

    boolean isNew(String eventId) {
        return lastHandled == null || eventId.compareTo(lastHandled) > 0;
    }

    /** Whether the client lacks this event (held-back events do not count: they were not sent yet). */
    boolean clientLacks(String eventId) {
        return lastDelivered == null || eventId.compareTo(lastDelivered) > 0;
    }

    boolean holding() {
        return phase != Phase.LIVE;
    }

    void hold(EventFrame event) {
        held.addLast(event);
        lastHandled = event.eventId();
    }

    void delivered(String eventId) {
        lastHandled = max(lastHandled, eventId);
        lastDelivered = max(lastDelivered, eventId);
    }

    /** The highest id the client has: delivered here, or its own last event id after a resume. */
    String lastDelivered() {
        return lastDelivered;
    }

    List<EventFrame> takeHeld() {
        List<EventFrame> taken = List.copyOf(held);
        held.clear();
        return taken;
    }

    static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
