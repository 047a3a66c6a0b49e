package dev.backchannel.processor;

import dev.backchannel.service.messaging.BrokerConnection;
import dev.backchannel.schemas.Addresses;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The processor's outgoing links, with the broker settings of {@link BrokerConnection} (TLS included). */
@ApplicationScoped
public class BrokerLinks {

    public static final String STATUS = "status-link";
    public static final String DEAD_LETTERS = "dead-letter-link";

    private final Vertx vertx;
    private final AmqpClientOptions options;

    public BrokerLinks(Vertx vertx, BrokerConnection broker) {
        this.vertx = vertx;
        this.options = broker.options().setConnectTimeout(5_000).setReconnectAttempts(0);
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
