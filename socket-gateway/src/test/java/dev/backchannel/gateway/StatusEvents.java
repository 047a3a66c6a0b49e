package dev.backchannel.gateway;

import dev.backchannel.gateway.messaging.StatusEventReader;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemStatus;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.schemas.Timing;
import dev.backchannel.schemas.Topics;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid status events for tests, each with a fresh event id. Ids are 20-digit numbers that grow, as
 * the processor's do (the gateway relies on ids sorting in commit order), and start from the clock so
 * they keep growing across the test classes of one JVM.
 */
public final class StatusEvents {

    private static final AtomicLong LAST = new AtomicLong();

    private StatusEvents() {
    }

    /** The event as this node reads it off the broker. */
    public static StatusUpdate update(StatusEvent event) {
        return StatusEventReader.read(Json.write(event));
    }

    public static String newEventId() {
        long next = LAST.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1000));
        return String.format("%020d", next);
    }

    /**
     * A fresh id as another producer might make them: 26 characters like a ULID ({@code 01J...}), so it
     * sorts after every processor id (they start with zeros). Grows within the JVM.
     */
    public static String newUlidLikeId() {
        long next = LAST.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1000));
        return "01J" + String.format("%023d", next);
    }

    /** A command outcome for {@code userId} from another producer, {@code source}, with its own id. */
    public static StatusEvent fromSource(String source, String userId, String eventId) {
        StatusEvent outcome = commandOutcomeFor(userId, eventId);
        return new StatusEvent(eventId, outcome.occurredAt(), userId, null, outcome.payload(), source);
    }

    public static StatusEvent commandOutcomeFor(String userId, String eventId) {
        Frame.CommandSucceeded frame = succeeded(userId);
        Frame.CommandSucceeded withId = Frame.CommandSucceeded.of(eventId, frame.commandId(), frame.entityId(),
                frame.timestamp(), frame.message(), frame.data(), frame.timing(), null);
        return StatusEvent.forUser(userId, withId, Instant.now());
    }

    public static Frame.CommandSucceeded succeeded(String userId) {
        Instant now = Instant.now();
        String entityId = UUID.randomUUID().toString();
        return Frame.CommandSucceeded.of(newEventId(), UUID.randomUUID().toString(), entityId, now,
                "Created 'Buy milk'", new Item(entityId, "Buy milk", ItemStatus.TODO, 1, userId, now),
                Timing.processed(now, now, 1, now), null);
    }

    /** An entity.changed without timing, as the processor may send it. */
    public static Frame.EntityChanged changed(String changedBy) {
        Instant now = Instant.now();
        String entityId = UUID.randomUUID().toString();
        return new Frame.EntityChanged(newEventId(), Topics.ITEMS, entityId, UUID.randomUUID().toString(), changedBy,
                now, new Item(entityId, "Buy milk", ItemStatus.DOING, 2, changedBy, now), null, null);
    }

    public static StatusEvent commandOutcomeFor(String userId) {
        return StatusEvent.forUser(userId, succeeded(userId), Instant.now());
    }

    /** An item change by {@code userId} on the items topic, with a chosen event id. */
    public static StatusEvent itemChangedBy(String userId, String eventId) {
        Frame.EntityChanged frame = changed(userId);
        Frame.EntityChanged withId = new Frame.EntityChanged(eventId, frame.topic(), frame.entityId(),
                frame.commandId(), frame.changedBy(), frame.timestamp(), frame.data(), null, null);
        return StatusEvent.forTopic(Topics.ITEMS, withId, Instant.now());
    }

    public static StatusEvent itemChangedBy(String userId) {
        return StatusEvent.forTopic(Topics.ITEMS, changed(userId), Instant.now());
    }

    /** An item change that also names its author, so the author's sockets get it too. */
    public static StatusEvent itemChangedForAuthorAndTopic(String userId) {
        Frame.EntityChanged frame = changed(userId);
        return new StatusEvent(frame.eventId(), Instant.now(), userId, Topics.ITEMS, frame);
    }

    /** A change of the item {@code entityId} by {@code userId}, named to {@code topic} (items or items/<id>). */
    public static StatusEvent itemChanged(String entityId, String userId, String topic) {
        Instant now = Instant.now();
        Frame.EntityChanged frame = new Frame.EntityChanged(newEventId(), Topics.ITEMS, entityId,
                UUID.randomUUID().toString(), userId, now, new Item(entityId, "Buy milk", ItemStatus.DOING, 2, userId,
                        now), null, null);
        return StatusEvent.forTopic(topic, frame, now);
    }
}
