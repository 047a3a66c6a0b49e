package dev.backchannel.gateway.routing;

import dev.backchannel.gateway.EventCursor;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The order and uniqueness of one socket's events, per source (contract v2: ids sort within their
 * source, and one source never suppresses another). Each source's events reach a node in commit
 * order, so a socket never needs an id at or below the highest it already has of that source: that
 * is a repeat (a broker redelivery, or an event that was both replayed and pushed live) and is skipped.
 *
 * <p>While the socket waits for its client's {@code resume} (HOLDING) or replays (REPLAYING), live
 * events are held back and sent after the replay, so replayed events always come first. Not
 * thread-safe: {@link ClientSocket} guards it.
 */
final class EventFeed {

    enum Phase { HOLDING, REPLAYING, LIVE }

    private Phase phase = Phase.LIVE;
    private final ArrayDeque<EventFrame> held = new ArrayDeque<>();
    private final SourceMarks handled = new SourceMarks();
    private final SourceMarks delivered = new SourceMarks();

    Phase phase() {
        return phase;
    }

    void phase(Phase next) {
        phase = next;
    }

    boolean isNew(String source, String eventId) {
        return handled.isAfter(source, eventId);
    }

    /** Whether the client lacks this event (held-back events do not count: they were not sent yet). */
    boolean clientLacks(String source, String eventId) {
        return delivered.isAfter(source, eventId);
    }

    boolean holding() {
        return phase != Phase.LIVE;
    }

    void hold(EventFrame event) {
        held.addLast(event);
        handled.raise(event.source(), event.eventId());
    }

    void delivered(String source, String eventId) {
        handled.raise(source, eventId);
        delivered.raise(source, eventId);
    }

    /** The client says it has everything up to the cursor (its resume point). */
    void deliveredThrough(EventCursor cursor) {
        for (String source : cursor.sources()) {
            delivered(source, cursor.lastOf(source));
        }
    }

    /** Whether this connection already sent an event after the cursor (of any source). */
    boolean deliveredAfter(EventCursor cursor) {
        return delivered.any((source, last) -> {
            String resumeFrom = cursor.lastOf(source);
            return resumeFrom == null || last.compareTo(resumeFrom) > 0;
        });
    }

    List<EventFrame> takeHeld() {
        List<EventFrame> taken = List.copyOf(held);
        held.clear();
        return taken;
    }
}
