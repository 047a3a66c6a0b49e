package dev.backchannel.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything an {@link EmbeddedBroker} needs. The redelivery delay is the first delay; it doubles
 * on every further attempt up to {@link #MAX_REDELIVERY_DELAY}. {@code statusTtl} is how long a
 * status event waits in a gateway node's subscription before it expires: a node that restarts within
 * it gets what was published while it was down; a node that never returns cannot fill the broker.
 */
public record BrokerSettings(String host, int port, Path dataDir, String user, String password,
        int maxDeliveryAttempts, Duration redeliveryDelay, Duration statusTtl, Duration statusOrphanAfter,
        Optional<ClusterSettings> cluster, Optional<BrokerTlsSettings> tls) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5672;
    public static final String DEFAULT_DATA_DIR = "./data/broker";
    public static final String DEFAULT_USER = "backchannel";
    public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 10;
    public static final Duration DEFAULT_REDELIVERY_DELAY = Duration.ofSeconds(1);
    public static final double REDELIVERY_MULTIPLIER = 2.0;
    public static final Duration MAX_REDELIVERY_DELAY = Duration.ofSeconds(30);
    public static final Duration DEFAULT_STATUS_TTL = Duration.ofHours(1);
    public static final Duration DEFAULT_STATUS_ORPHAN_AFTER = Duration.ofMinutes(10);
    public static final String DEFAULT_NODE_NAME = "backchannel-broker";

    public BrokerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(redeliveryDelay, "redeliveryDelay");
        Objects.requireNonNull(statusTtl, "statusTtl");
        Objects.requireNonNull(statusOrphanAfter, "statusOrphanAfter");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(tls, "tls");
        if (statusOrphanAfter.isNegative() || statusOrphanAfter.isZero()) {
            throw new IllegalArgumentException("statusOrphanAfter must be positive, was " + statusOrphanAfter);
        }
        if (statusTtl.isNegative() || statusTtl.isZero()) {
            throw new IllegalArgumentException("statusTtl must be positive, was " + statusTtl);
        }
        if (password == null || password.isBlank()) {
            throw new MissingPasswordException();
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        if (maxDeliveryAttempts < 1) {
            throw new IllegalArgumentException("maxDeliveryAttempts must be at least 1, was " + maxDeliveryAttempts);
        }
    }

    /** Settings of a broker on its own, with the default orphan delay. */
    public BrokerSettings(String host, int port, Path dataDir, String user, String password,
            int maxDeliveryAttempts, Duration redeliveryDelay, Duration statusTtl) {
        this(host, port, dataDir, user, password, maxDeliveryAttempts, redeliveryDelay, statusTtl,
                DEFAULT_STATUS_ORPHAN_AFTER, Optional.empty(), Optional.empty());
    }

    /** Settings with the default status TTL. */
    public BrokerSettings(String host, int port, Path dataDir, String user, String password,
            int maxDeliveryAttempts, Duration redeliveryDelay) {
        this(host, port, dataDir, user, password, maxDeliveryAttempts, redeliveryDelay, DEFAULT_STATUS_TTL);
    }

    /** Reads {@code BROKER_*} environment variables, falling back to system properties {@code broker.*}. */
    public static BrokerSettings fromEnvironment() {
        return fromLookup(name -> {
            String value = System.getenv(name);
            return value != null ? value : System.getProperty(name.toLowerCase().replace('_', '.'));
        });
    }

    static BrokerSettings fromLookup(UnaryOperator<String> lookup) {
        EnvironmentReader env = new EnvironmentReader(lookup);
        return new BrokerSettings(
                env.text("BROKER_HOST", DEFAULT_HOST),
                env.number("BROKER_PORT", DEFAULT_PORT),
                Path.of(env.text("BROKER_DATA_DIR", DEFAULT_DATA_DIR)),
                env.text("BROKER_USER", DEFAULT_USER),
                env.text("BROKER_PASSWORD", null),
                env.number("BROKER_MAX_DELIVERY_ATTEMPTS", DEFAULT_MAX_DELIVERY_ATTEMPTS),
                Duration.ofMillis(env.number("BROKER_REDELIVERY_DELAY_MS", (int) DEFAULT_REDELIVERY_DELAY.toMillis())),
                Duration.ofMillis(env.number("BROKER_STATUS_TTL_MS", (int) DEFAULT_STATUS_TTL.toMillis())),
                Duration.ofMillis(env.number("BROKER_STATUS_ORPHAN_MS", (int) DEFAULT_STATUS_ORPHAN_AFTER.toMillis())),
                cluster(env),
                tls(env));
    }

    /** AMQPS only when {@code BROKER_TLS_KEYSTORE} is set; {@code BROKER_TLS_KEYSTORE_PASSWORD} opens it. */
    private static Optional<BrokerTlsSettings> tls(EnvironmentReader env) {
        String keyStore = env.text("BROKER_TLS_KEYSTORE", null);
        if (keyStore == null) {
            return Optional.empty();
        }
        return Optional.of(new BrokerTlsSettings(Path.of(keyStore), env.text("BROKER_TLS_KEYSTORE_PASSWORD", null)));
    }

    /** A cluster when {@code BROKER_CLUSTER_PORT} is set; {@code BROKER_CLUSTER_PEERS} then names the others. */
    private static Optional<ClusterSettings> cluster(EnvironmentReader env) {
        if (env.text("BROKER_CLUSTER_PORT", null) == null) {
            return Optional.empty();
        }
        String peers = env.text("BROKER_CLUSTER_PEERS", "");
        return Optional.of(new ClusterSettings(env.text("BROKER_NODE_NAME", DEFAULT_NODE_NAME),
                env.text("BROKER_CLUSTER_HOST", env.text("BROKER_HOST", DEFAULT_HOST)),
                env.number("BROKER_CLUSTER_PORT", 0),
                Arrays.stream(peers.split(",")).map(String::trim).filter(peer -> !peer.isEmpty()).toList()));
    }

    /** 127.0.0.1, a free port, a random password, default redelivery policy. */
    public static BrokerSettings forTests(Path dataDir) {
        return new BrokerSettings(DEFAULT_HOST, freePort(), dataDir, DEFAULT_USER, randomPassword(),
                DEFAULT_MAX_DELIVERY_ATTEMPTS, DEFAULT_REDELIVERY_DELAY);
    }

    public BrokerSettings withPort(int newPort) {
        return new BrokerSettings(host, newPort, dataDir, user, password, maxDeliveryAttempts, redeliveryDelay,
                statusTtl, statusOrphanAfter, cluster, tls);
    }

    public BrokerSettings withDataDir(Path newDataDir) {
        return new BrokerSettings(host, port, newDataDir, user, password, maxDeliveryAttempts, redeliveryDelay,
                statusTtl, statusOrphanAfter, cluster, tls);
    }

    public BrokerSettings withRedelivery(int newMaxDeliveryAttempts, Duration newRedeliveryDelay) {
        return new BrokerSettings(host, port, dataDir, user, password, newMaxDeliveryAttempts, newRedeliveryDelay,
                statusTtl, statusOrphanAfter, cluster, tls);
    }

    public BrokerSettings withStatusTtl(Duration newStatusTtl) {
        return new BrokerSettings(host, port, dataDir, user, password, maxDeliveryAttempts, redeliveryDelay,
                newStatusTtl, statusOrphanAfter, cluster, tls);
    }

    public BrokerSettings withStatusOrphanAfter(Duration newStatusOrphanAfter) {
        return new BrokerSettings(host, port, dataDir, user, password, maxDeliveryAttempts, redeliveryDelay,
                statusTtl, newStatusOrphanAfter, cluster, tls);
    }

    public BrokerSettings withCluster(ClusterSettings newCluster) {
        return new BrokerSettings(host, port, dataDir, user, password, maxDeliveryAttempts, redeliveryDelay,
                statusTtl, statusOrphanAfter, Optional.of(newCluster), tls);
    }

    /** The AMQP acceptor serves AMQPS only, with this key store (no plain AMQP port is left open). */
    public BrokerSettings withTls(BrokerTlsSettings newTls) {
        return new BrokerSettings(host, port, dataDir, user, password, maxDeliveryAttempts, redeliveryDelay,
                statusTtl, statusOrphanAfter, cluster, Optional.of(newTls));
    }

    /** The broker's name: its cluster node name, or the default when it runs on its own. */
    public String nodeName() {
        return cluster.map(ClusterSettings::nodeName).orElse(DEFAULT_NODE_NAME);
    }

    public String amqpUrl() {
        return (tls.isPresent() ? "amqps://" : "amqp://") + host + ":" + port;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "BrokerSettings[" + amqpUrl() + ", dataDir=" + dataDir + ", user=" + user
                + ", maxDeliveryAttempts=" + maxDeliveryAttempts + ", redeliveryDelay=" + redeliveryDelay
                + ", statusTtl=" + statusTtl + ", statusOrphanAfter=" + statusOrphanAfter
                + cluster.map(c -> ", cluster node " + c.nodeName() + " on " + c.acceptorUrl() + ", peers " + c.peers())
                        .orElse("") + "]";
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Raised when no password is configured: the broker never runs without authentication. */
    public static final class MissingPasswordException extends IllegalArgumentException {
        MissingPasswordException() {
            super("BROKER_PASSWORD is required (set the environment variable; no default password exists)");
        }
    }

    private record EnvironmentReader(UnaryOperator<String> lookup) {
        String text(String name, String fallback) {
            String value = lookup.apply(name);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        int number(String name, int fallback) {
            String value = text(name, null);
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
            }
        }
    }
}
