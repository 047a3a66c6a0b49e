package dev.backchannel.client.testing;

import dev.backchannel.schemas.CommandStatus;
import dev.backchannel.schemas.ErrorCode;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemList;
import dev.backchannel.schemas.ItemStatus;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.Timing;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Contract-valid frames and answers for tests. */
public final class Frames {

    public static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");
    private static final Timing TIMING = new Timing(AT, null, null, AT, null, null, AT);

    private Frames() {
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    /** A sortable event id: "evt" and 10 digits. */
    public static String eventId(int n) {
        return String.format("evt%010d", n);
    }

    public static Item item(String id, long version) {
        return new Item(id, "Buy milk", ItemStatus.TODO, version, "alice", AT);
    }

    public static Frame.CommandSucceeded succeeded(int event, String commandId) {
        return Frame.CommandSucceeded.of(eventId(event), commandId, uuid(), AT, "Created 'Buy milk'",
                item(uuid(), 1), TIMING, null);
    }

    /** A command outcome of another producer, {@code source}, with its own event id. */
    public static Frame.CommandSucceeded fromSource(String source, String eventId, String commandId) {
        return new Frame.CommandSucceeded(eventId, commandId, uuid(), "success", AT, "Report ready", null, TIMING,
                null, source);
    }

    public static Frame.CommandFailed failed(int event, String commandId) {
        return Frame.CommandFailed.of(eventId(event), commandId, uuid(), AT, "Someone changed this item first",
                new Frame.Failure(ErrorCode.CONFLICT, "expected version 3, found 4"), TIMING, null);
    }

    public static Frame.EntityChanged changed(int event, Item item) {
        return new Frame.EntityChanged(eventId(event), "items", item.id(), uuid(), "bob", AT, item, TIMING, null);
    }

    public static Frame.EntityChanged deleted(int event, String itemId) {
        return new Frame.EntityChanged(eventId(event), "items", itemId, uuid(), "bob", AT, null, TIMING, null);
    }

    public static String welcome(boolean resumed) {
        return Json.write(new Frame.Welcome("conn-1", "alice", resumed));
    }

    public static String reset() {
        return Json.write(new Frame.Reset("replay window exceeded"));
    }

    public static String json(Frame frame) {
        return Json.write(frame);
    }

    public static String status(Frame.CommandOutcome outcome) {
        return Json.write(CommandStatus.of(outcome));
    }

    public static String itemList(String lastEventId, Item... items) {
        return Json.write(new ItemList(List.of(items), lastEventId));
    }
}
