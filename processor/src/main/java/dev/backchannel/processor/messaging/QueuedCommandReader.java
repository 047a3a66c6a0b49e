package dev.backchannel.processor.messaging;

import dev.backchannel.processor.MessageBodies;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.Problem;
import dev.backchannel.schemas.QueuedCommand;
import dev.backchannel.schemas.SchemaValidator;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the body of a message on the commands queue into a {@link QueuedCommand}, checked against
 * {@code queued-command.schema.json}. The AMQP connector hands over a {@link JsonObject} (JSON data
 * section) or a String (AMQP value), so the body is converted explicitly, never cast.
 */
public final class QueuedCommandReader {

    private QueuedCommandReader() {
    }

    public static QueuedCommand read(Object payload) {
        String json = MessageBodies.asText(payload);
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new UnreadableCommandException("not JSON", json, null);
        }
        String commandId = tree == null ? null : tree.path("command").path("commandId").asText(null);
        if (tree == null || !tree.isObject()) {
            throw new UnreadableCommandException("not a JSON object", json, null);
        }
        List<Problem.FieldError> violations = SchemaValidator.instance().violations(MessageSchema.QUEUED_COMMAND, tree);
        if (!violations.isEmpty()) {
            throw new UnreadableCommandException("does not match queued-command.schema.json: " + describe(violations),
                    json, commandId);
        }
        try {
            return Json.mapper().treeToValue(tree, QueuedCommand.class);
        } catch (Exception e) {
            throw new UnreadableCommandException("cannot be read as a queued command: " + e.getMessage(), json,
                    commandId);
        }
    }

    private static String describe(List<Problem.FieldError> violations) {
        return violations.stream().map(v -> (v.field().isEmpty() ? "(body)" : v.field()) + " " + v.message())
                .collect(Collectors.joining("; "));
    }
}
