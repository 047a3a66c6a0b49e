package dev.backchannel.processor.messaging;

import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.QueuedCommand;
import dev.backchannel.service.messaging.MessageBodies;
import dev.backchannel.service.messaging.UnreadableBody;
import java.util.Objects;

/**
 * Turns the body of a message on the commands queue into a {@link QueuedCommand}, checked against
 * {@code queued-command.schema.json}; a body that is not one becomes an {@link UnreadableCommandException}
 * naming its command id when it has one.
 */
public final class QueuedCommandReader {

    private QueuedCommandReader() {
    }

    public static QueuedCommand read(Object payload) {
        try {
            return MessageBodies.read(payload, MessageSchema.QUEUED_COMMAND, QueuedCommand.class);
        } catch (UnreadableBody unreadable) {
            String commandId = unreadable.json() == null ? null
                    : unreadable.json().path("command").path("commandId").asText(null);
            throw new UnreadableCommandException(unreadable.getMessage(), Objects.requireNonNullElse(unreadable.text(), ""),
                    commandId);
        }
    }
}
