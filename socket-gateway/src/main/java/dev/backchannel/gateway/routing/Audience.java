package dev.backchannel.gateway.routing;

import dev.backchannel.gateway.StatusUpdate;

/**
 * Whom a status update is for on the sockets: every socket of {@code userId}, and every socket
 * following {@code topic} (never set for a command outcome, which only ever goes to its own user).
 * The live push and the replay window both route by this, so a replay reaches exactly the sockets the
 * live push would have reached.
 */
public record Audience(String userId, String topic) {

    public static Audience of(StatusUpdate update) {
        return new Audience(update.userId(), update.topic());
    }
}
