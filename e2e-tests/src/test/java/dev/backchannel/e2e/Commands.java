package dev.backchannel.e2e;

import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.ItemFields;
import dev.backchannel.schemas.ItemStatus;
import java.util.UUID;

/** Commands as the tests send them, each with a fresh commandId. */
final class Commands {

    private Commands() {
    }

    static Command create(String entityId, String title) {
        return Command.create(UUID.randomUUID().toString(), entityId, title, ItemStatus.TODO);
    }

    static Command rename(String entityId, long expectedVersion, String title) {
        return Command.update(UUID.randomUUID().toString(), entityId, expectedVersion, new ItemFields(title, null));
    }

    static String newEntityId() {
        return UUID.randomUUID().toString();
    }
}
