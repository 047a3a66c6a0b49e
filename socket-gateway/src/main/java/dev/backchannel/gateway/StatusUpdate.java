package dev.backchannel.gateway;

import java.time.Instant;
import java.util.List;

/**
 * One status event as this node consumed it: its id, whom it is for, and its frame, serialised
 * once when it arrived. Each push (live or replayed) stamps {@code timing.pushedAt} into that text
 * without serialising again: {@link #frameAt(Instant)}.
 *
 * @param source         its producer ({@code processor} when the event names none); ids sort within it
 * @param eventId        the event id (ids sort in commit order within the producer)
 * @param userId         every socket of this user gets it; null for none
 * @param topics         every socket following one of these topics gets it (once); empty for none
 *                       (always empty for a command outcome, which only ever goes to its own user).
 *                       An item's change names {@code items} and {@code items/<entityId>}
 * @param processedAt    {@code timing.processedAt} of the frame (for the push latency), or null
 * @param frameHead      the frame's text up to the value of {@code timing.pushedAt}
 * @param frameTail      the frame's text after that value
 */
public record StatusUpdate(String source, String eventId, String userId, List<String> topics, Instant processedAt, String frameHead,
        String frameTail) {

    /** The frame as pushed at {@code pushedAt}. */
    public String frameAt(Instant pushedAt) {
        return frameHead + pushedAt + frameTail;
    }

    /** Whether it names nobody this node could push it to. */
    public boolean hasNoAudience() {
        return userId == null && topics.isEmpty();
    }
}
