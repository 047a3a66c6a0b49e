package dev.backchannel.schemas;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** What a client may send over its socket. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ClientRequest.Subscribe.class),
    @JsonSubTypes.Type(ClientRequest.Unsubscribe.class),
    @JsonSubTypes.Type(ClientRequest.Resume.class)
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
    record Resume(String lastEventId) implements ClientRequest {
    }
}
