package dev.backchannel.processor;

import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.ItemFields;
import dev.backchannel.schemas.ItemStatus;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.QueuedCommand;
import java.time.Instant;
import java.util.UUID;

/** Queued commands as the api puts them on the queue, for tests. */
final class Commands {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private Commands() {
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static String create(String userId, String commandId, String entityId, String title) {
        return queued(userId, Command.create(commandId, entityId, title, null));
    }

    static String update(String userId, String commandId, String entityId, long expectedVersion, ItemFields data) {
        return queued(userId, Command.update(commandId, entityId, expectedVersion, data));
    }

    static String markDone(String userId, String commandId, String entityId, long expectedVersion) {
        return update(userId, commandId, entityId, expectedVersion, new ItemFields(null, ItemStatus.DONE));
    }

    static String delete(String userId, String commandId, String entityId, long expectedVersion) {
        return queued(userId, Command.delete(commandId, entityId, expectedVersion));
    }

    private static String queued(String userId, Command command) {
        return Json.write(new QueuedCommand(command, userId, Instant.now(), TRACEPARENT));
    }
}
