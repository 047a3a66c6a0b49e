package dev.backchannel.gateway.messaging;

import dev.backchannel.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Who this gateway process is on the broker. {@link #nodeId()} names its durable subscription to
 * {@code status}: the configured {@code backchannel.gateway.node-id}, or, when none is configured,
 * one made for this process ({@code gateway-<host>-<random>}) that no other process can have.
 * {@link #instance()} is random per process either way: it tells two processes apart that were
 * configured with the same node id ({@link NodeClaim}).
 */
@ApplicationScoped
public class NodeIdentity {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String nodeId;
    private final boolean generated;
    private final String instance = randomHex(8);

    public NodeIdentity(GatewayConfig config) {
        this.generated = config.nodeId().isEmpty();
        this.nodeId = config.nodeId().orElseGet(() -> "gateway-" + hostName() + "-" + randomHex(4));
    }

    public String nodeId() {
        return nodeId;
    }

    /** True when no node id was configured and this one was made for this process. */
    public boolean generated() {
        return generated;
    }

    public String instance() {
        return instance;
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "-");
            return name.isEmpty() ? "host" : name;
        } catch (UnknownHostException e) {
            return "host";
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
