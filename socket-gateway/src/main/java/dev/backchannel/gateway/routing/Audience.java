package dev.backchannel.gateway.routing;

import dev.backchannel.gateway.StatusUpdate;
import java.util.List;

/**
 * Whom a status update is for on the sockets: every socket of {@code userId}, and every socket
 * following one of {@code topics} (none for a command outcome, which only ever goes to its own user;
 * {@code items} and {@code items/<entityId>} for an item's change). The live push and the replay
 * window both route by this, so a replay reaches exactly the sockets the live push would have reached.
 */
public record Audience(String userId, List<String> topics) {

    public static Audience of(StatusUpdate update) {
        return new Audience(update.userId(), update.topics());
    }
}
