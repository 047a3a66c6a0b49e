package dev.backchannel.gateway.routing;

import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.StatusEvent;

/**
 * Whom a status event is for on the sockets: every socket of {@code userId}, and every socket
 * following {@code topic}. A command outcome only ever goes to its own user, whatever topic it names.
 * The live push and the replay window both route by this, so a replay reaches exactly the sockets the
 * live push would have reached.
 */
public record Audience(String userId, String topic) {

    public static Audience of(StatusEvent event) {
        String topic = event.payload() instanceof Frame.CommandOutcome ? null : event.topic();
        return new Audience(event.userId(), topic);
    }

    public boolean isEmpty() {
        return userId == null && topic == null;
    }
}
