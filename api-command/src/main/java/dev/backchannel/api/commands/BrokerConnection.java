package dev.backchannel.api.commands;

import dev.backchannel.service.messaging.BrokerEndpoint;
import io.smallrye.reactive.messaging.ClientCustomizer;
import io.vertx.amqp.AmqpClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one place this service's broker connections are configured ({@link BrokerEndpoint}: the
 * {@code amqp-*} keys and TLS). The service's own Vert.x AMQP links take {@link #options()}; the
 * Reactive Messaging channels get the same TLS as a {@link ClientCustomizer}, which the connector
 * applies to every client it creates.
 */
@ApplicationScoped
public class BrokerConnection implements ClientCustomizer<AmqpClientOptions> {

    private final BrokerEndpoint endpoint = BrokerEndpoint.fromConfig(ConfigProvider.getConfig());

    /** A fresh copy of the broker's address, credentials and TLS, for one link to change as it needs. */
    public AmqpClientOptions options() {
        return endpoint.options();
    }

    @Override
    public AmqpClientOptions customize(String channel, Config channelConfig, AmqpClientOptions channelOptions) {
        return endpoint.withTls(channelOptions);
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
