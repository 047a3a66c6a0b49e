package dev.backchannel.processor.commands;

import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandType;
import dev.backchannel.schemas.ErrorCode;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemFields;
import dev.backchannel.schemas.ItemStatus;
import dev.backchannel.schemas.ItemTitles;
import java.time.Instant;

/** How a command changes an item, with optimistic versioning. Pure: no database, no clock. */
public final class ItemRules {

    private ItemRules() {
    }

    /**
     * Decides what {@code command} from {@code userId} does to {@code current} (null when the item
     * does not exist) at instant {@code at}.
     */
    public static Decision decide(Command command, Item current, String userId, Instant at) {
        if (command.type() == CommandType.CREATE) {
            return create(command, current, userId, at);
        }
        if (current == null) {
            return new Decision.Rejected(ErrorCode.NOT_FOUND, "This item does not exist any more",
                    "item " + command.entityId() + " does not exist");
        }
        if (command.expectedVersion() == null || command.expectedVersion() != current.version()) {
            return conflict(command, current, userId);
        }
        if (command.type() == CommandType.DELETE) {
            return new Decision.Deleted(current, "Deleted '" + current.title() + "'");
        }
        return update(command.data(), current, userId, at);
    }

    private static Decision create(Command command, Item current, String userId, Instant at) {
        if (current != null) {
            return new Decision.Rejected(ErrorCode.VALIDATION, "This item exists already",
                    "item " + command.entityId() + " exists (version " + current.version() + ")");
        }
        ItemFields data = command.data();
        Decision.Rejected badTitle = badTitle(data.title());
        if (badTitle != null) {
            return badTitle;
        }
        ItemStatus status = data.status() == null ? ItemStatus.TODO : data.status();
        Item item = new Item(command.entityId(), data.title(), status, 1, userId, at);
        return new Decision.Created(item, "Created '" + item.title() + "'");
    }

    private static Decision update(ItemFields data, Item current, String userId, Instant at) {
        String title = data == null || data.title() == null ? current.title() : data.title();
        Decision.Rejected badTitle = badTitle(title);
        if (badTitle != null) {
            return badTitle;
        }
        ItemStatus status = data == null || data.status() == null ? current.status() : data.status();
        Item item = new Item(current.id(), title, status, current.version() + 1, userId, at);
        return new Decision.Updated(item, updateMessage(current, item));
    }

    /** A title the schema let through but no message could carry or the database would refuse. */
    private static Decision.Rejected badTitle(String title) {
        String problem = ItemTitles.problem(title);
        return problem == null ? null
                : new Decision.Rejected(ErrorCode.VALIDATION, "This title cannot be stored", "title " + problem);
    }

    private static String updateMessage(Item before, Item after) {
        boolean renamed = !before.title().equals(after.title());
        boolean moved = before.status() != after.status();
        String status = after.status().wireName();
        if (renamed && moved) {
            return "Renamed to '" + after.title() + "' and marked as " + status;
        }
        if (renamed) {
            return "Renamed to '" + after.title() + "'";
        }
        if (moved) {
            return "Marked '" + after.title() + "' as " + status;
        }
        return "Updated '" + after.title() + "'";
    }

    private static Decision conflict(Command command, Item current, String userId) {
        String message = current.updatedBy().equals(userId)
                ? "You changed this item elsewhere first"
                : current.updatedBy() + " changed this item first";
        return new Decision.Rejected(ErrorCode.CONFLICT, message,
                "expected version " + command.expectedVersion() + " but item " + current.id()
                        + " is at version " + current.version() + " (last changed by " + current.updatedBy() + ")");
    }
}
