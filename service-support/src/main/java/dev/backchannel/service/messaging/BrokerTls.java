package dev.backchannel.service.messaging;

import io.vertx.amqp.AmqpClientOptions;
import io.vertx.core.net.PfxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a service's links reach the broker: plain AMQP, or AMQPS ({@code amqp-tls=true}) checking the
 * broker's certificate against a PKCS#12 trust store ({@code amqp-truststore},
 * {@code amqp-truststore-password}) or, without one, the JVM's default trust (public CAs,
 * {@code -Djavax.net.ssl.trustStore}). The certificate must name the host the service connects to
 * ({@code amqp-host}): host names are verified as HTTPS does.
 */
public final class BrokerTls {

    private final boolean enabled;
    private final Optional<Path> trustStore;
    private final String trustStorePassword;

    private BrokerTls(boolean enabled, Optional<Path> trustStore, String trustStorePassword) {
        this.enabled = enabled;
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword;
    }

    /**
     * Checks the settings once, at start: a trust store without TLS, an unreadable one, or one without
     * a password is a configuration error with a message naming the key.
     */
    public static BrokerTls of(boolean enabled, Optional<String> trustStore, Optional<String> trustStorePassword) {
        Optional<Path> store = trustStore.filter(path -> !path.isBlank()).map(path -> Path.of(path.trim()));
        if (!enabled) {
            if (store.isPresent()) {
                throw new IllegalArgumentException("amqp-truststore (AMQP_TRUSTSTORE) is set but amqp-tls"
                        + " (AMQP_TLS) is not true: set AMQP_TLS=true to connect to the broker over TLS");
            }
            return new BrokerTls(false, Optional.empty(), null);
        }
        if (store.isPresent() && !Files.isReadable(store.get())) {
            throw new IllegalArgumentException("amqp-truststore (AMQP_TRUSTSTORE): cannot read " + store.get());
        }
        String password = trustStorePassword.filter(value -> !value.isEmpty()).orElse(null);
        if (store.isPresent() && password == null) {
            throw new IllegalArgumentException("amqp-truststore-password (AMQP_TRUSTSTORE_PASSWORD) is required"
                    + " with amqp-truststore");
        }
        return new BrokerTls(true, store, password);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Turns TLS on in {@code options} when configured (and changes nothing otherwise); returns them. */
    public AmqpClientOptions applyTo(AmqpClientOptions options) {
        if (!enabled) {
            return options;
        }
        options.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
        trustStore.ifPresent(store -> options.setPfxTrustOptions(
                new PfxOptions().setPath(store.toAbsolutePath().toString()).setPassword(trustStorePassword)));
        return options;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return enabled ? "AMQPS" + trustStore.map(store -> " trusting " + store).orElse(" with the JVM's trust")
                : "plain AMQP";
    }
}
