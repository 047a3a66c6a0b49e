package dev.backchannel.processor.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.processor.commands.AcceptedCommand;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.QueuedCommand;
import dev.backchannel.service.messaging.MessageBodies;
import dev.backchannel.service.messaging.UnreadableBody;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Turns the body of a message on the commands queue into a {@link QueuedCommand}, checked against
 * {@code queued-command.schema.json}; a body that is not one becomes an {@link UnreadableCommandException}
 * naming its command id when it has one.
 */
public final class QueuedCommandReader {

    private QueuedCommandReader() {
    }

    private static Instant acceptedAt(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static QueuedCommand read(Object payload) {
        try {
            return MessageBodies.read(payload, MessageSchema.QUEUED_COMMAND, QueuedCommand.class);
        } catch (UnreadableBody unreadable) {
            JsonNode json = unreadable.json();
            String commandId = json == null ? null : json.path("command").path("commandId").asText(null);
            AcceptedCommand salvaged = json == null ? null : AcceptedCommand.salvage(commandId,
                    json.path("command").path("entityId").asText(null), json.path("userId").asText(null),
                    acceptedAt(json.path("acceptedAt").asText(null))).orElse(null);
            throw new UnreadableCommandException(unreadable.getMessage(), Objects.requireNonNullElse(unreadable.text(), ""),
                    commandId, salvaged);
        }
    }
}
