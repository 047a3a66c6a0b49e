package dev.backchannel.desktop.testing;

import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandType;
import dev.backchannel.schemas.ErrorCode;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemStatus;
import dev.backchannel.schemas.Timing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The processor's rules, just enough for the desktop tests: create, update and delete with
 * version checks; conflicts say who changed the item first, as the real processor does.
 */
public final class FakeItems {

    private final FakeGateway gateway;
    private final Map<String, Item> items = new LinkedHashMap<>();
    private long events;

    FakeItems(FakeGateway gateway) {
        this.gateway = gateway;
    }

    public synchronized List<Item> all() {
        return new ArrayList<>(items.values());
    }

    public synchronized String lastEventId() {
        return events == 0 ? null : eventId(events);
    }

    /** An item that exists before anyone signs in. */
    public synchronized Item seed(String title, String by) {
        Item item = new Item(UUID.randomUUID().toString(), title, ItemStatus.TODO, 1, by, Instant.now());
        items.put(item.id(), item);
        return item;
    }

    /** Someone changes an item, and nobody is told yet (their push is late). */
    public synchronized Item changeQuietly(String id, String title, String by) {
        Item before = items.get(id);
        Item after = new Item(id, title, before.status(), before.version() + 1, by, Instant.now());
        items.put(id, after);
        return after;
    }

    synchronized void decide(Command command, String user, Instant acceptedAt) {
        Item current = items.get(command.entityId());
        Instant now = Instant.now();
        Timing timing = new Timing(acceptedAt, now, 1, now, now, 1, null);
        if (command.type() != CommandType.CREATE && (current == null || current.version() != command.expectedVersion())) {
            String message = current == null ? "This item does not exist any more"
                    : current.updatedBy().equals(user) ? "You changed this item elsewhere first"
                    : current.updatedBy() + " changed this item first";
            ErrorCode code = current == null ? ErrorCode.NOT_FOUND : ErrorCode.CONFLICT;
            gateway.toUser(user, Frame.CommandFailed.of(eventId(++events), command.commandId(), command.entityId(), now,
                    message, new Frame.Failure(code, "expected version " + command.expectedVersion()), timing, null)
                    .pushedAt(Instant.now()));
            return;
        }
        Item after;
        String message;
        if (command.type() == CommandType.CREATE) {
            after = new Item(command.entityId(), command.data().title(), command.data().status(), 1, user, now);
            message = "Created '" + after.title() + "'";
        } else if (command.type() == CommandType.DELETE) {
            after = null;
            message = "Deleted '" + current.title() + "'";
        } else {
            String title = command.data().title() != null ? command.data().title() : current.title();
            ItemStatus status = command.data().status() != null ? command.data().status() : current.status();
            after = new Item(current.id(), title, status, current.version() + 1, user, now);
            message = title.equals(current.title()) ? "Marked '" + title + "' as " + status.wireName()
                    : "Renamed to '" + title + "'";
        }
        if (after == null) {
            items.remove(command.entityId());
        } else {
            items.put(after.id(), after);
        }
        String changeId = eventId(++events);
        gateway.toEveryone(new Frame.EntityChanged(changeId, "items", command.entityId(), command.commandId(), user,
                now, after, timing, null).pushedAt(Instant.now()));
        gateway.toUser(user, Frame.CommandSucceeded.of(eventId(++events), command.commandId(), command.entityId(), now,
                message, after, timing, null).pushedAt(Instant.now()));
    }

    private static String eventId(long n) {
        return String.format("%020d", n);
    }
}
