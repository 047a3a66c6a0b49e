package dev.backchannel.schemas;

/** Broker address names of the contract, in one place for every module. */
public final class Addresses {
    /** Anycast queue of accepted commands, delivered after a per-message delay. */
    public static final String COMMANDS = "commands";
    /** Where a command goes after too many delivery attempts, or when it cannot be parsed. */
    public static final String COMMANDS_DLQ = "commands.dlq";
    /** Multicast address of internal status events; every gateway node has its own subscription. */
    public static final String STATUS = "status";
    /** Multicast address of chaos flags; the last value is kept for late joiners. */
    public static final String CHAOS = "chaos";
    /**
     * Multicast address of presence between gateway nodes: non-durable messages, one non-durable
     * subscription per node, nothing kept (see presence-message.schema.json).
     */
    public static final String PRESENCE = "presence";
    /**
     * Multicast address where gateway nodes claim their node id at start-up (non-durable
     * subscriptions, non-durable messages): two processes with one node id are refused.
     */
    public static final String GATEWAY_NODES = "gateway.nodes";

    /** AMQP message annotation that delays delivery by this many milliseconds. */
    public static final String DELIVERY_DELAY_ANNOTATION = "x-opt-delivery-delay";
    /** Application property Artemis uses for duplicate detection. */
    public static final String DUPLICATE_ID_PROPERTY = "_AMQ_DUPL_ID";
    /** Application property with the W3C trace context of the span that sent the message. */
    public static final String TRACEPARENT_PROPERTY = "traceparent";
    /** Application property of a status event: when the outbox relay published it (ISO-8601 instant). */
    public static final String PUBLISHED_AT_PROPERTY = "publishedAt";
    /** Application property of a status event: the relay's attempts to publish it, this one included. */
    public static final String PUBLISH_ATTEMPTS_PROPERTY = "publishAttempts";

    private Addresses() {
    }
}
