package dev.backchannel.gateway.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.Problem;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.schemas.StatusEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns an AMQP body into a {@link StatusEvent}, after checking it against the contract. The
 * connector hands JSON bodies over as JsonObject, others as String, byte[] or Buffer.
 */
final class StatusEventReader {

    private StatusEventReader() {
    }

    /** Throws {@link InvalidStatusEvent} for anything that is not a valid status event. */
    static StatusEvent read(Object body) {
        JsonNode json = parse(text(body));
        List<Problem.FieldError> violations = SchemaValidator.instance().violations(MessageSchema.STATUS_EVENT, json);
        if (!violations.isEmpty()) {
            throw new InvalidStatusEvent(json.path("eventId").asText("?"),
                    violations.subList(0, Math.min(3, violations.size())).toString());
        }
        try {
            return Json.mapper().treeToValue(json, StatusEvent.class);
        } catch (JsonProcessingException e) {
            throw new InvalidStatusEvent(json.path("eventId").asText("?"), e.getOriginalMessage());
        }
    }

    private static String text(Object body) {
        if (body instanceof JsonObject object) {
            return object.encode();
        }
        if (body instanceof String string) {
            return string;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof Buffer buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
        throw new InvalidStatusEvent("?", "body is " + (body == null ? "empty" : body.getClass().getSimpleName()));
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode json = Json.mapper().readTree(text);
            if (json == null || !json.isObject()) {
                throw new InvalidStatusEvent("?", "not a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new InvalidStatusEvent("?", "not JSON");
        }
    }

    /** A message on {@code status} that is not a status event of the contract. */
    static final class InvalidStatusEvent extends RuntimeException {
        private final String eventId;

        InvalidStatusEvent(String eventId, String reason) {
            super(reason, null, false, false);
            this.eventId = eventId;
        }

        String eventId() {
            return eventId;
        }
    }
}
