package dev.backchannel.gateway.messaging;

import dev.backchannel.gateway.StatusUpdate;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns the body of a message on {@code status} into a {@link StatusUpdate}: one JSON parse, a
 * strict check of every field the gateway relies on, and one serialisation of the frame. This is
 * the push path: no JSON Schema validator runs here (it cost more than the push itself, see
 * {@code docs/performance.md}); instead the checks below are the schema's rules for those fields,
 * and a test holds them against the schema.
 *
 * <p>A tolerant reader (contract v2): fields it does not know are ignored, and the payload is
 * forwarded as the producer wrote it, plus {@code timing.publishedAt} and {@code timing.publishAttempts}
 * from the relay's message properties and {@code timing.pushedAt} at each push.
 */
public final class StatusEventReader {

    private static final Pattern EVENT_ID = Pattern.compile("[0-9A-Za-z]{10,40}");
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9._-]{0,63}");
    private static final Set<String> COMMAND_OUTCOMES = Set.of("command.succeeded", "command.failed");
    private static final String ENTITY_CHANGED = "entity.changed";
    /** Stands in for the push time while the frame is serialised; split out afterwards. */
    private static final String PUSHED_AT_MARK = "pushedAt-" + UUID.randomUUID();

    private StatusEventReader() {
    }

    /** Reads a body the broker delivered, with no publish properties. */
    public static StatusUpdate read(Object body) {
        return read(body, PublishProperties.NONE);
    }

    /** Throws {@link InvalidStatusEvent} for anything that is not a status event of the contract. */
    static StatusUpdate read(Object body, PublishProperties published) {
        JsonObject event = parse(body);
        String eventId = text(event, "eventId");
        if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
            throw new InvalidStatusEvent("?", "eventId must be 10 to 40 letters and digits");
        }
        if (!(event.getValue("occurredAt") instanceof String)) {
            throw new InvalidStatusEvent(eventId, "occurredAt must be a timestamp");
        }
        String userId = optional(event, "userId", USER_ID, eventId);
        String topic = optional(event, "topic", TOPIC, eventId);
        if (userId == null && topic == null) {
            throw new InvalidStatusEvent(eventId, "names neither userId nor topic");
        }
        if (!(event.getValue("payload") instanceof JsonObject payload)) {
            throw new InvalidStatusEvent(eventId, "payload must be a frame object");
        }
        String type = text(payload, "type");
        boolean outcome = COMMAND_OUTCOMES.contains(type);
        if (!outcome && !ENTITY_CHANGED.equals(type)) {
            throw new InvalidStatusEvent(eventId, "payload type must be command.succeeded, command.failed or "
                    + "entity.changed");
        }
        if (!eventId.equals(payload.getValue("eventId"))) {
            throw new InvalidStatusEvent(eventId, "payload.eventId must equal eventId");
        }
        JsonObject timing = timingOf(payload, eventId);
        Instant processedAt = instant(timing.getValue("processedAt"));
        if (published.publishedAt() != null && published.publishAttempts() != null) {
            timing.put("publishedAt", published.publishedAt().toString());
            timing.put("publishAttempts", published.publishAttempts());
        }
        timing.remove("pushedAt");
        timing.put("pushedAt", PUSHED_AT_MARK);
        String frame = payload.encode();
        int mark = frame.lastIndexOf(PUSHED_AT_MARK);
        return new StatusUpdate(eventId, userId, outcome ? null : topic, processedAt, frame.substring(0, mark),
                frame.substring(mark + PUSHED_AT_MARK.length()));
    }

    private static JsonObject parse(Object body) {
        try {
            if (body instanceof JsonObject json) {
                return json;
            }
            if (body instanceof Buffer buffer) {
                return new JsonObject(buffer);
            }
            if (body instanceof byte[] bytes) {
                return new JsonObject(Buffer.buffer(bytes));
            }
            if (body instanceof String text) {
                return new JsonObject(text);
            }
        } catch (DecodeException | ClassCastException e) {
            throw new InvalidStatusEvent("?", "not a JSON object");
        }
        throw new InvalidStatusEvent("?", "body is " + (body == null ? "empty" : body.getClass().getSimpleName()));
    }

    private static JsonObject timingOf(JsonObject payload, String eventId) {
        Object timing = payload.getValue("timing");
        if (timing == null) {
            JsonObject created = new JsonObject();
            payload.put("timing", created);
            return created;
        }
        if (!(timing instanceof JsonObject object)) {
            throw new InvalidStatusEvent(eventId, "payload.timing must be an object");
        }
        return object;
    }

    private static String text(JsonObject json, String field) {
        return json.getValue(field) instanceof String text ? text : null;
    }

    private static String optional(JsonObject json, String field, Pattern pattern, String eventId) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || !pattern.matcher(text).matches()) {
            throw new InvalidStatusEvent(eventId, field + " is not valid");
        }
        return text;
    }

    private static Instant instant(Object value) {
        try {
            return value instanceof String text ? Instant.parse(text) : null;
        } catch (DateTimeParseException e) {
            return null;
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
