package dev.backchannel.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Internal status event on {@link Addresses#STATUS}. It names whom it is for ({@code userId}: every
 * connection of that user; {@code topic}: every connection subscribed to it; or both) and carries
 * the front-end frame destined for them. {@code source} names its producer (null: the default,
 * {@link EventSources#DEFAULT}); its {@code eventId} sorts within that source.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StatusEvent(String eventId, Instant occurredAt, String userId, String topic, Frame payload,
        @JsonInclude(JsonInclude.Include.NON_NULL) String source) {

    /** An event of the default source ({@link EventSources#DEFAULT}). */
    public StatusEvent(String eventId, Instant occurredAt, String userId, String topic, Frame payload) {
        this(eventId, occurredAt, userId, topic, payload, null);
    }

    public static StatusEvent forUser(String userId, Frame payload, Instant occurredAt) {
        return new StatusEvent(payload.eventIdOrNull(), occurredAt, userId, null, payload);
    }

    public static StatusEvent forTopic(String topic, Frame payload, Instant occurredAt) {
        return new StatusEvent(payload.eventIdOrNull(), occurredAt, null, topic, payload);
    }
}
