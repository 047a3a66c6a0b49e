package dev.backchannel.gateway;

import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemStatus;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.schemas.Timing;
import dev.backchannel.schemas.Topics;
import java.time.Instant;
import java.util.UUID;

/** Valid status events for tests, each with a fresh event id. */
public final class StatusEvents {

    private StatusEvents() {
    }

    public static String newEventId() {
        return UUID.randomUUID().toString().replace("-", "");
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

    public static StatusEvent itemChangedBy(String userId) {
        return StatusEvent.forTopic(Topics.ITEMS, changed(userId), Instant.now());
    }

    /** An item change that also names its author, so the author's sockets get it too. */
    public static StatusEvent itemChangedForAuthorAndTopic(String userId) {
        Frame.EntityChanged frame = changed(userId);
        return new StatusEvent(frame.eventId(), Instant.now(), userId, Topics.ITEMS, frame);
    }
}
