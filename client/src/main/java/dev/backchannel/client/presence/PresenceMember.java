package dev.backchannel.client.presence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A user present on a topic: their windows on every gateway node, what they are doing ({@code state},
 * null when just looking), since when (null when only deltas were seen).
 */
public record PresenceMember(String userId, int windows, ObjectNode state, Instant since) {

    /** The field the member is editing ({@code state.editing}), or null. */
    public String editing() {
        return state != null && state.path("editing").isTextual() ? state.get("editing").asText() : null;
    }

    /** "bob is editing the title", "bob is looking" (two windows: "bob (2 windows)"). */
    public String describe() {
        String who = windows > 1 ? userId + " (" + windows + " windows)" : userId;
        String field = editing();
        return field != null ? who + " is editing the " + field : who + " is looking";
    }
}
