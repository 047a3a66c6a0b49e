package dev.backchannel.api.commands;

import java.time.Instant;

/** What api-command remembers of a command it handed to the broker. */
record AcceptedCommand(String commandId, String userId, String bodyHash, Instant acceptedAt) {

    /** Whether a new request is the same command again (a retry), not a different one under the same id. */
    boolean isRetryOf(String otherUserId, String otherBodyHash) {
        return userId.equals(otherUserId) && bodyHash.equals(otherBodyHash);
    }
}
