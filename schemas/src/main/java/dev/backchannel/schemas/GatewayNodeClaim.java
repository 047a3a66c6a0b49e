package dev.backchannel.schemas;

/**
 * A gateway node's claim on its node id, or a running node's answer that the id is taken, on the
 * multicast address {@link Addresses#GATEWAY_NODES}. {@code instance} is random per process.
 */
public record GatewayNodeClaim(Kind kind, String nodeId, String instance) {

    public enum Kind {
        claim, taken
    }

    public static GatewayNodeClaim claim(String nodeId, String instance) {
        return new GatewayNodeClaim(Kind.claim, nodeId, instance);
    }

    public static GatewayNodeClaim taken(String nodeId, String instance) {
        return new GatewayNodeClaim(Kind.taken, nodeId, instance);
    }

    /** The same node id claimed or held by another process. */
    public boolean conflictsWith(String myNodeId, String myInstance) {
        return myNodeId.equals(nodeId) && !myInstance.equals(instance);
    }
}
