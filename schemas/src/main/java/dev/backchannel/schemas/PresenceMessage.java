package dev.backchannel.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * What one gateway node tells the others about the users present on its sockets (the
 * {@code presence} address; presence-message.schema.json).
 */
public record PresenceMessage(String node, Kind kind, Instant sentAt, List<Entry> entries) {

    public enum Kind {
        @JsonProperty("delta") DELTA,
        @JsonProperty("announce") ANNOUNCE,
        @JsonProperty("gone") GONE
    }

    /** One node's windows of one user on one topic ({@code windows} 0: none left there). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String topic, String userId, int windows, ObjectNode state, Instant since, Instant stateAt) {
    }
}
