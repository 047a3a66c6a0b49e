package dev.backchannel.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of {@code POST /api/commands}: what a user asks to happen to one item. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Command(String commandId, CommandType type, String entityId, Long expectedVersion,
        ItemFields data) {

    public static Command create(String commandId, String entityId, String title, ItemStatus status) {
        return new Command(commandId, CommandType.CREATE, entityId, null, new ItemFields(title, status));
    }

    public static Command update(String commandId, String entityId, long expectedVersion, ItemFields data) {
        return new Command(commandId, CommandType.UPDATE, entityId, expectedVersion, data);
    }

    public static Command delete(String commandId, String entityId, long expectedVersion) {
        return new Command(commandId, CommandType.DELETE, entityId, expectedVersion, null);
    }

    public Command withCommandId(String id) {
        return new Command(id, type, entityId, expectedVersion, data);
    }
}
