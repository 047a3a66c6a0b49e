package dev.backchannel.schemas;

import java.time.Instant;

/** The {@code 202} answer of {@code POST /api/commands}. */
public record CommandAccepted(String commandId, String status, Instant acceptedAt) {

    public static CommandAccepted of(String commandId, Instant acceptedAt) {
        return new CommandAccepted(commandId, "accepted", acceptedAt);
    }
}
