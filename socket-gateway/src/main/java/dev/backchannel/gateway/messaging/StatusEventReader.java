package dev.backchannel.gateway.messaging;

import dev.backchannel.gateway.StatusUpdate;
import dev.backchannel.schemas.EventSources;
import dev.backchannel.schemas.Topics;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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
 * <p>A tolerant reader (contract v2): fields it does not know are ignored. The event's {@code source}
 * (default {@code processor}) goes into the frame as {@code source} when it is another producer's; the
 * payload is otherwise forwarded as the producer wrote it, plus {@code timing.publishedAt} and {@code timing.publishAttempts}
 * from the relay's message properties and {@code timing.pushedAt} at each push.
 */
public final class StatusEventReader {

    private static final Pattern EVENT_ID = Pattern.compile("[0-9A-Za-z]{10,40}");
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9._-]{0,63}(/[A-Za-z0-9._-]{1,64})?");
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
        String source = sourceOf(event, eventId);
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
        if (EventSources.DEFAULT.equals(source)) {
            payload.remove("source");
        } else {
            // the frame names its source, so a client can resume each source on its own
            payload.put("source", source);
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
        return new StatusUpdate(source, eventId, userId, outcome ? List.of() : topicsOf(topic, payload), processedAt,
                frame.substring(0, mark),
                frame.substring(mark + PUSHED_AT_MARK.length()));
    }

    /**
     * The topics an event reaches: an item's change (named to {@code items} or to {@code items/<id>})
     * reaches both {@code items} and {@code items/<entityId>}; any other event its own topic.
     */
    private static List<String> topicsOf(String topic, JsonObject payload) {
        if (topic == null) {
            return List.of();
        }
        String entityId = text(payload, "entityId");
        boolean item = Topics.ITEMS.equals(topic) || Topics.isItem(topic);
        if (item && ENTITY_CHANGED.equals(text(payload, "type")) && entityId != null
                && Topics.isItem(Topics.item(entityId))) {
            return List.of(Topics.ITEMS, Topics.item(entityId));
        }
        return List.of(topic);
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

    /** The event's producer: {@code source}, or the default when it names none. */
    private static String sourceOf(JsonObject event, String eventId) {
        Object source = event.getValue("source");
        if (source == null) {
            return EventSources.DEFAULT;
        }
        if (!(source instanceof String name) || !EventSources.isValid(name)) {
            throw new InvalidStatusEvent(eventId, "source must be [a-z][a-z0-9-]{0,31}");
        }
        return name;
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

    /**
     * A timestamp as producers here write it ({@code 2026-12-01T10:00:00.123456Z}), read without the
     * general ISO parser (a tenth of the push's cost); any other form goes through {@link Instant#parse}.
     */
    static Instant instant(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            return utc(text);
        } catch (RuntimeException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static Instant utc(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(n - 1) != 'Z') {
            throw new IllegalArgumentException(t);
        }
        int nanos = 0;
        if (n > 20) {
            if (t.charAt(19) != '.' || n > 30 || n < 22) {
                throw new IllegalArgumentException(t);
            }
            int digits = n - 21;
            nanos = digits(t, 20, n - 1);
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long days = LocalDate.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10)).toEpochDay();
        long seconds = days * 86_400 + digits(t, 11, 13) * 3_600L + digits(t, 14, 16) * 60L + digits(t, 17, 19);
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = t.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException(t);
            }
            value = value * 10 + digit;
        }
        return value;
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
