package dev.backchannel.bench.publish;

import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemStatus;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.schemas.Timing;
import java.time.Instant;
import java.util.UUID;

/**
 * The events the benchmark injects, built from the contract's own types: a {@code command.succeeded}
 * frame for one user whose {@code timestamp} is the time the event was due to be published (open
 * loop), so every receiver measures publish-to-receipt latency from the frame alone. The events name
 * their own producer, {@link #SOURCE} (contract v2): the benchmark's ids, which sort after a live
 * system's processor ids, then never make that system's events look like repeats.
 */
public final class BenchEvents {

    /** The producer name the benchmark's events carry. */
    public static final String SOURCE = "bench";

    private BenchEvents() {
    }

    /** The status event the gateway receives on {@code status}. */
    public static String statusEvent(String eventId, String userId, Instant dueAt) {
        Frame frame = frame(eventId, dueAt, null);
        return Json.write(new StatusEvent(eventId, dueAt, userId, null, frame, SOURCE));
    }

    /** The frame as a gateway pushes it (with {@code timing.pushedAt}): what the baseline writes. */
    public static String pushedFrame(String eventId, Instant dueAt, Instant pushedAt) {
        return Json.write(frame(eventId, dueAt, pushedAt));
    }

    private static Frame frame(String eventId, Instant dueAt, Instant pushedAt) {
        String entityId = new UUID(0x62656e6368L, Long.parseLong(eventId.substring(eventId.length() - 12))).toString();
        Item item = new Item(entityId, "bench item " + eventId, ItemStatus.TODO, 1, "bench", dueAt);
        Timing timing = new Timing(dueAt, null, null, dueAt, dueAt, 1, pushedAt);
        return new Frame.CommandSucceeded(eventId, entityId, entityId, "success", dueAt, "Created 'bench item'", item,
                timing, null, SOURCE);
    }

    /** A sortable event id (20 digits) that grows across runs, so a gateway never takes it for a repeat. */
    public static String eventId(long sequence) {
        return String.format("%020d", sequence);
    }

    /** The sequence of a benchmark event id, or -1 when {@code eventId} is not one ({@link #eventId}). */
    public static long sequenceOf(String eventId) {
        if (eventId == null || eventId.length() != 20) {
            return -1;
        }
        for (int i = 0; i < eventId.length(); i++) {
            if (!Character.isDigit(eventId.charAt(i))) {
                return -1;
            }
        }
        try {
            return Long.parseLong(eventId);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Where event ids of a run start: later runs start higher. */
    public static long firstSequence() {
        return System.currentTimeMillis() * 1_000_000L;
    }
}
