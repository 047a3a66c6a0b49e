package dev.backchannel.gateway.presence;

import dev.backchannel.schemas.PresenceMessage;

/** Where this node tells the other gateway nodes about its members (the broker's {@code presence} address). */
public interface PresenceBroadcast {

    /** Sends without waiting; a message lost on the way is repaired by the next announcement. */
    void send(PresenceMessage message);

    /** This node's id, as the other nodes know it. */
    String nodeId();
}
