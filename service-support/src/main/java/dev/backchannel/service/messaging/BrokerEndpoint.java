package dev.backchannel.service.messaging;

import io.vertx.amqp.AmqpClientOptions;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where a service's links reach the broker, read once from the {@code amqp-*} keys every service
 * shares (the AMQP connector's global ones: {@code AMQP_HOST}, {@code AMQP_PORT}, {@code AMQP_USERNAME},
 * {@code AMQP_PASSWORD}) and TLS ({@code AMQP_TLS}, {@code AMQP_TRUSTSTORE}, {@code AMQP_TRUSTSTORE_PASSWORD},
 * see {@link BrokerTls}). Each service's {@code BrokerConnection} bean hands it to its own links and,
 * as the connector's client customizer, to its Reactive Messaging channels.
 */
public final class BrokerEndpoint {

    private final AmqpClientOptions options;
    private final BrokerTls tls;

    private BrokerEndpoint(AmqpClientOptions options, BrokerTls tls) {
        this.options = options;
        this.tls = tls;
    }

    /** Reads the keys; a bad TLS setting fails here, at start, naming the key. */
    public static BrokerEndpoint fromConfig(Config config) {
        BrokerTls tls = BrokerTls.of(config.getOptionalValue("amqp-tls", Boolean.class).orElse(false),
                config.getOptionalValue("amqp-truststore", String.class),
                config.getOptionalValue("amqp-truststore-password", String.class));
        Optional<String> password = config.getOptionalValue("amqp-password", String.class);
        AmqpClientOptions options = new AmqpClientOptions().setHost(config.getValue("amqp-host", String.class))
                .setPort(config.getValue("amqp-port", Integer.class))
                .setUsername(config.getValue("amqp-username", String.class)).setPassword(password.orElse(null));
        return new BrokerEndpoint(tls.applyTo(options), tls);
    }

    /** A fresh copy of the broker's address, credentials and TLS, for one link to change as it needs. */
    public AmqpClientOptions options() {
        return new AmqpClientOptions(options);
    }

    /** A channel's client options with the same TLS as the service's own links. */
    public AmqpClientOptions withTls(AmqpClientOptions channelOptions) {
        return tls.applyTo(channelOptions);
    }

    @Override
    public String toString() {
        return options.getHost() + ":" + options.getPort() + " (" + tls + ")";
    }
}
