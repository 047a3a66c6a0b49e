package dev.backchannel.gateway.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.Problem;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.service.messaging.MessageBodies;
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
        String text = MessageBodies.asText(body);
        if (text == null) {
            throw new InvalidStatusEvent("?", "body is " + (body == null ? "empty" : body.getClass().getSimpleName()));
        }
        JsonNode json = parse(text);
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
