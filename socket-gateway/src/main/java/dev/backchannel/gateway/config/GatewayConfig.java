package dev.backchannel.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the socket gateway lets an operator tune; keys live under {@code backchannel.gateway}. */
@ConfigMapping(prefix = "backchannel.gateway")
public interface GatewayConfig {

    /**
     * This node's name. It is the AMQP container id and link name of the node's own durable
     * subscription on the {@code status} address, so the subscription (and the events queued in it)
     * survives a restart. Every gateway node must have a different node id: two nodes with the same
     * id would share one subscription and each see only part of the events.
     */
    @WithDefault("gateway-1")
    String nodeId();

    /**
     * The largest client message accepted, in bytes (also applied as
     * {@code quarkus.websockets-next.server.max-message-size}). A larger message closes the socket
     * with {@code CloseCodes.TOO_BIG}.
     */
    @WithDefault("16384")
    int maxMessageBytes();

    /**
     * Frames a socket may have queued but not yet flushed to the network. A socket beyond this is a
     * client that stopped reading: it is closed with {@code CloseCodes.TOO_SLOW} and forgotten, so it
     * cannot grow the heap.
     */
    @WithDefault("1000")
    int maxPendingFrames();
}
