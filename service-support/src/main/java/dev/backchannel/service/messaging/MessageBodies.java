package dev.backchannel.service.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.Problem;
import dev.backchannel.schemas.SchemaValidator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A message body read once, the same way everywhere: as text, then checked against its schema and
 * converted to the contract's type. SmallRye hands a JSON data section over as a JsonObject (or
 * JsonArray), an AmqpValue string as a String, other data sections as bytes or a Buffer; an HTTP
 * body arrives as a String. Bodies are converted explicitly, never cast.
 */
public final class MessageBodies {

    private MessageBodies() {
    }

    /** The body's text; null when there is no body or it is of a kind that carries none. */
    public static String asText(Object body) {
        if (body instanceof String text) {
            return text;
        }
        if (body instanceof JsonObject object) {
            return object.encode();
        }
        if (body instanceof JsonArray array) {
            return array.encode();
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof Buffer buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
        return null;
    }

    /** The body as a JSON object; throws {@link UnreadableBody} when it is empty, not JSON or not an object. */
    public static JsonNode asJson(Object body) {
        String text = asText(body);
        if (text == null || text.isBlank()) {
            throw new UnreadableBody("body is " + (body == null || text != null ? "empty"
                    : body.getClass().getSimpleName()), text, null, List.of());
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UnreadableBody("not JSON", text, null, List.of());
        }
        if (json == null || !json.isObject()) {
            throw new UnreadableBody("not a JSON object", text, json,
                    List.of(new Problem.FieldError("", "must be a JSON object")));
        }
        return json;
    }

    /**
     * Read, validate, convert: the body as {@code type} after checking it against {@code schema};
     * throws {@link UnreadableBody} naming what is wrong.
     */
    public static <T> T read(Object body, MessageSchema schema, Class<T> type) {
        JsonNode json = asJson(body);
        List<Problem.FieldError> violations = SchemaValidator.instance().violations(schema, json);
        if (!violations.isEmpty()) {
            throw new UnreadableBody("does not match " + schema.file() + ": " + describe(violations), asText(body),
                    json, violations);
        }
        try {
            return Json.mapper().treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableBody("cannot be read as " + type.getSimpleName() + ": " + e.getOriginalMessage(),
                    asText(body), json, List.of(new Problem.FieldError("", "cannot be read")));
        }
    }

    private static String describe(List<Problem.FieldError> violations) {
        return violations.stream().map(v -> (v.field().isEmpty() ? "(body)" : v.field()) + " " + v.message())
                .collect(Collectors.joining("; "));
    }
}
