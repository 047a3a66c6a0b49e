package dev.backchannel.schemas;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** A front-end socket frame (server to client). Each serialises with its {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(Frame.Welcome.class),
    @JsonSubTypes.Type(Frame.CommandSucceeded.class),
    @JsonSubTypes.Type(Frame.CommandFailed.class),
    @JsonSubTypes.Type(Frame.EntityChanged.class),
    @JsonSubTypes.Type(Frame.Reset.class),
    @JsonSubTypes.Type(Frame.Error.class),
    @JsonSubTypes.Type(Frame.Presence.class),
    @JsonSubTypes.Type(Frame.PresenceJoined.class),
    @JsonSubTypes.Type(Frame.PresenceChanged.class),
    @JsonSubTypes.Type(Frame.PresenceLeft.class),
    @JsonSubTypes.Type(Frame.TokenExpiring.class),
    @JsonSubTypes.Type(Frame.TokenRefreshed.class)
})
public sealed interface Frame {

    /** The event id of frames that come from a status event, else null. */
    @JsonIgnore
    default String eventIdOrNull() {
        return this instanceof Event event ? event.eventId() : null;
    }

    /** A frame that comes from a status event and can be replayed. */
    sealed interface Event extends Frame {
        String eventId();

        /** Its producer as the frame names it; null for the default, {@link EventSources#DEFAULT}. */
        String source();

        /** Its producer: event ids sort within it (contract v2, several producers). */
        @JsonIgnore
        default String sourceOrDefault() {
            return EventSources.orDefault(source());
        }

        /** The same frame with the time it was pushed to sockets. */
        Event pushedAt(Instant at);
    }

    /** The outcome of one command, for the user who sent it. */
    sealed interface CommandOutcome extends Event {
        String commandId();

        String entityId();

        /** When each hop of the command happened. */
        Timing timing();
    }

    @JsonTypeName("welcome")
    record Welcome(String connectionId, String userId, boolean resumed) implements Frame {
    }

    /** {@code data} is the item after the command, null after a delete. */
    @JsonTypeName("command.succeeded")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CommandSucceeded(String eventId, String commandId, String entityId, String status, Instant timestamp,
            String message, @JsonInclude(JsonInclude.Include.ALWAYS) Item data, Timing timing, String traceId,
            String source) implements CommandOutcome {

        public CommandSucceeded(String eventId, String commandId, String entityId, String status, Instant timestamp,
                String message, Item data, Timing timing, String traceId) {
            this(eventId, commandId, entityId, status, timestamp, message, data, timing, traceId, null);
        }

        public static CommandSucceeded of(String eventId, String commandId, String entityId, Instant timestamp,
                String message, Item data, Timing timing, String traceId) {
            return new CommandSucceeded(eventId, commandId, entityId, "success", timestamp, message, data, timing,
                    traceId);
        }

        @Override
        public CommandSucceeded pushedAt(Instant at) {
            return new CommandSucceeded(eventId, commandId, entityId, status, timestamp, message, data,
                    Timing.pushedAt(timing, at), traceId, source);
        }
    }

    @JsonTypeName("command.failed")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CommandFailed(String eventId, String commandId, String entityId, String status, Instant timestamp,
            String message, Failure error, Timing timing, String traceId, String source) implements CommandOutcome {

        public CommandFailed(String eventId, String commandId, String entityId, String status, Instant timestamp,
                String message, Failure error, Timing timing, String traceId) {
            this(eventId, commandId, entityId, status, timestamp, message, error, timing, traceId, null);
        }

        public static CommandFailed of(String eventId, String commandId, String entityId, Instant timestamp,
                String message, Failure error, Timing timing, String traceId) {
            return new CommandFailed(eventId, commandId, entityId, "failure", timestamp, message, error, timing,
                    traceId);
        }

        @Override
        public CommandFailed pushedAt(Instant at) {
            return new CommandFailed(eventId, commandId, entityId, status, timestamp, message, error,
                    Timing.pushedAt(timing, at), traceId, source);
        }
    }

    /** Why a command failed, in a code for programs and a detail for people. */
    record Failure(ErrorCode code, String detail) {
    }

    /** {@code data} is the item after the change, null when it was deleted. */
    @JsonTypeName("entity.changed")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntityChanged(String eventId, String topic, String entityId, String commandId, String changedBy,
            Instant timestamp, @JsonInclude(JsonInclude.Include.ALWAYS) Item data, Timing timing, String traceId,
            String source) implements Event {

        public EntityChanged(String eventId, String topic, String entityId, String commandId, String changedBy,
                Instant timestamp, Item data, Timing timing, String traceId) {
            this(eventId, topic, entityId, commandId, changedBy, timestamp, data, timing, traceId, null);
        }

        @Override
        public EntityChanged pushedAt(Instant at) {
            return new EntityChanged(eventId, topic, entityId, commandId, changedBy, timestamp, data,
                    Timing.pushedAt(timing, at), traceId, source);
        }
    }

    /** The replay window does not reach back far enough: reload through the query side. */
    @JsonTypeName("reset")
    record Reset(String reason) implements Frame {
    }

    /** The last client request was refused. */
    @JsonTypeName("error")
    record Error(String code, String message) implements Frame {
    }

    /** v2: every member of {@code topic}, sent after a subscribe and after a resume. */
    @JsonTypeName("presence")
    record Presence(String topic, List<Member> members) implements Frame {
    }

    /** A user present on a topic: their windows on every node, their state, since when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Member(String userId, int windows, ObjectNode state, Instant since) {
    }

    /** v2: a user's first window arrived on the topic. */
    @JsonTypeName("presence.joined")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PresenceJoined(String topic, String userId, ObjectNode state, Integer windows) implements Frame {
    }

    /** v2: a member's state or window count changed. */
    @JsonTypeName("presence.changed")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PresenceChanged(String topic, String userId, ObjectNode state, Integer windows) implements Frame {
    }

    /** v2: a user's last window left the topic. */
    @JsonTypeName("presence.left")
    record PresenceLeft(String topic, String userId) implements Frame {
    }

    /** v2: the socket's token expires at {@code expiresAt}; answer {@code token.refresh}. */
    @JsonTypeName("token.expiring")
    record TokenExpiring(Instant expiresAt) implements Frame {
    }

    /** v2: the refreshed token was accepted; the socket lives until {@code expiresAt}. */
    @JsonTypeName("token.refreshed")
    record TokenRefreshed(Instant expiresAt) implements Frame {
    }
}
