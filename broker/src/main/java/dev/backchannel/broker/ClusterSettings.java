package dev.backchannel.broker;

import java.util.List;
import java.util.Objects;

/**
 * This broker's part in a cluster of brokers that act as one: its name, the CORE acceptor the
 * other brokers connect their cluster bridges to ({@code host:port}), and those of the other
 * brokers (static connectors: no multicast discovery needed). Every broker of the cluster has the
 * same user and password ({@link BrokerSettings}); the cluster bridges sign in with them.
 */
public record ClusterSettings(String nodeName, String host, int port, List<String> peers) {

    public ClusterSettings {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(host, "host");
        peers = List.copyOf(peers);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("BROKER_CLUSTER_PORT must be 1-65535, was " + port);
        }
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("BROKER_CLUSTER_PEERS must name the other brokers' cluster"
                    + " host:port (comma separated)");
        }
        for (String peer : peers) {
            if (!peer.matches("[^:,\\s]+:\\d{1,5}")) {
                throw new IllegalArgumentException("BROKER_CLUSTER_PEERS: '" + peer + "' is not host:port");
            }
        }
    }

    public String acceptorUrl() {
        return "tcp://" + host + ":" + port;
    }
}
