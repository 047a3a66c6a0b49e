package dev.backchannel.service.messaging;

import io.smallrye.reactive.messaging.ClientCustomizer;
import io.vertx.amqp.AmqpClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one place every service's broker connections are configured: the {@code amqp-*} keys the services
 * share (the AMQP connector's global ones: {@code AMQP_HOST}, {@code AMQP_PORT}, {@code AMQP_USERNAME},
 * {@code AMQP_PASSWORD}) and TLS ({@code AMQP_TLS}, {@code AMQP_TRUSTSTORE}, {@code AMQP_TRUSTSTORE_PASSWORD},
 * see {@link BrokerTls}), read once. A service's own Vert.x AMQP links take {@link #options()}; its
 * Reactive Messaging channels get the same TLS as a {@link ClientCustomizer}, which the connector
 * applies to every client it creates. A bean of each service (this module has a {@code beans.xml}).
 */
@ApplicationScoped
public class BrokerConnection implements ClientCustomizer<AmqpClientOptions> {

    private final AmqpClientOptions options;
    private final BrokerTls tls;

    public BrokerConnection() {
        this(ConfigProvider.getConfig());
    }

    /** Reads the keys; a bad TLS setting fails here, at start, naming the key. */
    BrokerConnection(Config config) {
        this.tls = BrokerTls.of(config.getOptionalValue("amqp-tls", Boolean.class).orElse(false),
                config.getOptionalValue("amqp-truststore", String.class),
                config.getOptionalValue("amqp-truststore-password", String.class));
        Optional<String> password = config.getOptionalValue("amqp-password", String.class);
        this.options = tls.applyTo(new AmqpClientOptions().setHost(config.getValue("amqp-host", String.class))
                .setPort(config.getValue("amqp-port", Integer.class))
                .setUsername(config.getValue("amqp-username", String.class)).setPassword(password.orElse(null)));
    }

    /** A fresh copy of the broker's address, credentials and TLS, for one link to change as it needs. */
    public AmqpClientOptions options() {
        return new AmqpClientOptions(options);
    }

    /** Every Reactive Messaging channel's client: the same TLS as the service's own links. */
    @Override
    public AmqpClientOptions customize(String channel, Config channelConfig, AmqpClientOptions channelOptions) {
        return tls.applyTo(channelOptions);
    }

    @Override
    public String toString() {
        return options.getHost() + ":" + options.getPort() + " (" + tls + ")";
    }
}
