package dev.backchannel.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** What a client may send over its socket (presence and token requests need {@code backchannel.v2}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ClientRequest.Subscribe.class),
    @JsonSubTypes.Type(ClientRequest.Unsubscribe.class),
    @JsonSubTypes.Type(ClientRequest.Resume.class),
    @JsonSubTypes.Type(ClientRequest.PresenceSet.class),
    @JsonSubTypes.Type(ClientRequest.PresenceClear.class),
    @JsonSubTypes.Type(ClientRequest.TokenRefresh.class)
})
public sealed interface ClientRequest {

    @JsonTypeName("subscribe")
    record Subscribe(String topic) implements ClientRequest {
    }

    @JsonTypeName("unsubscribe")
    record Unsubscribe(String topic) implements ClientRequest {
    }

    /** Send everything after {@code lastEventId} that is still in the replay window. */
    @JsonTypeName("resume")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Resume(String lastEventId, Map<String, String> cursor) implements ClientRequest {

        /** A v1 resume: the last event the client has of the default source. */
        public Resume(String lastEventId) {
            this(lastEventId, null);
        }
    }

    /** This window is on {@code topic} (which it follows), doing {@code state} (null: just looking). */
    @JsonTypeName("presence.set")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PresenceSet(String topic, ObjectNode state) implements ClientRequest {
    }

    /** This window is no longer present on {@code topic} (it may still follow it). */
    @JsonTypeName("presence.clear")
    record PresenceClear(String topic) implements ClientRequest {
    }

    /** A new token for the same user, answered with {@code token.refreshed} or {@code error bad_token}. */
    @JsonTypeName("token.refresh")
    record TokenRefresh(String token) implements ClientRequest {
    }
}
