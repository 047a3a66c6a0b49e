package dev.backchannel.gateway.messaging;

import dev.backchannel.service.messaging.BrokerTls;
import io.smallrye.reactive.messaging.ClientCustomizer;
import io.vertx.amqp.AmqpClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place this service's broker connections are configured: the {@code amqp-*} keys (the AMQP
 * connector's global ones, {@code AMQP_HOST}, {@code AMQP_PORT}, {@code AMQP_USERNAME},
 * {@code AMQP_PASSWORD}) and TLS ({@code AMQP_TLS}, {@code AMQP_TRUSTSTORE},
 * {@code AMQP_TRUSTSTORE_PASSWORD}, see {@link BrokerTls}). The service's own Vert.x AMQP links take
 * {@link #options()}; the Reactive Messaging channels get the same TLS as a {@link ClientCustomizer},
 * which the connector applies to every client it creates.
 */
@ApplicationScoped
public class BrokerConnection implements ClientCustomizer<AmqpClientOptions> {

    private final AmqpClientOptions options;
    private final BrokerTls tls;

    BrokerConnection(@ConfigProperty(name = "amqp-host") String host, @ConfigProperty(name = "amqp-port") int port,
            @ConfigProperty(name = "amqp-username") String username,
            @ConfigProperty(name = "amqp-password") Optional<String> password,
            @ConfigProperty(name = "amqp-tls", defaultValue = "false") boolean tls,
            @ConfigProperty(name = "amqp-truststore") Optional<String> trustStore,
            @ConfigProperty(name = "amqp-truststore-password") Optional<String> trustStorePassword) {
        this.tls = BrokerTls.of(tls, trustStore, trustStorePassword);
        this.options = this.tls.applyTo(new AmqpClientOptions().setHost(host).setPort(port).setUsername(username)
                .setPassword(password.orElse(null)));
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
