package dev.backchannel.processor;

import dev.backchannel.schemas.Addresses;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The processor's outgoing links, with the AMQP connector's global {@code amqp-*} settings. */
@ApplicationScoped
public class BrokerLinks {

    public static final String STATUS = "status-link";
    public static final String DEAD_LETTERS = "dead-letter-link";

    private final Vertx vertx;
    private final AmqpClientOptions options;

    public BrokerLinks(Vertx vertx, @ConfigProperty(name = "amqp-host") String host,
            @ConfigProperty(name = "amqp-port") int port, @ConfigProperty(name = "amqp-username") String username,
            @ConfigProperty(name = "amqp-password") Optional<String> password) {
        this.vertx = vertx;
        this.options = new AmqpClientOptions().setHost(host).setPort(port).setUsername(username)
                .setPassword(password.orElse(null)).setConnectTimeout(5_000).setReconnectAttempts(0);
    }

    /** Multicast {@code status}: every gateway node has its own subscription. */
    @Produces
    @Singleton
    @Named(STATUS)
    AmqpLink status() {
        return new AmqpLink(vertx, options, Addresses.STATUS, "topic");
    }

    /** Anycast {@code commands.dlq}, for messages that are not queued commands. */
    @Produces
    @Singleton
    @Named(DEAD_LETTERS)
    AmqpLink deadLetters() {
        return new AmqpLink(vertx, options, Addresses.COMMANDS_DLQ, "queue");
    }

    void close(@Disposes @Named(STATUS) AmqpLink link) {
        link.close();
    }

    void closeDeadLetters(@Disposes @Named(DEAD_LETTERS) AmqpLink link) {
        link.close();
    }
}
