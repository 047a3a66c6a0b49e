package dev.backchannel.processor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the processor (prefix {@code backchannel.processor}); every key has a default. */
@ConfigMapping(prefix = "backchannel.processor")
public interface ProcessorConfig {

    Commands commands();

    Outbox outbox();

    Retention retention();

    /** Whether faults from the chaos flags are injected here; off unless configured (the demo turns it on). */
    @WithDefault("false")
    boolean chaosEnabled();

    /** Consuming the {@code commands} queue. */
    interface Commands {
        /**
         * Concurrent consumers of the commands queue (each one AMQP receiver). The broker keeps one
         * user's commands on one consumer (AMQP group-id = userId), so they stay in order.
         */
        @WithDefault("4")
        int consumers();

        /** How long to wait for the broker to take a message sent to the dead-letter queue. */
        @WithDefault("10s")
        Duration deadLetterTimeout();
    }

    /** Relaying committed status events to the {@code status} address. */
    interface Outbox {
        /**
         * Periodic sweep for events that no local commit woke the relay for: the commits of the other
         * processors on the same database, and the lead of a processor that stopped.
         */
        @WithDefault("100ms")
        Duration sweepInterval();

        /** Most events sent before waiting for the broker to settle them. */
        @WithDefault("200")
        int batchSize();

        /** How long to wait for the broker to settle one batch before counting it as failed. */
        @WithDefault("5s")
        Duration publishTimeout();

        /** First delay after a failed publish; doubles on each further failure. */
        @WithDefault("100ms")
        Duration backoffInitial();

        /** Longest delay between publish attempts while the broker is away. */
        @WithDefault("5s")
        Duration backoffMax();

        /**
         * Time to live of each status message, set on the message itself: a gateway node's subscription
         * drops an event that waited longer. Keep it equal to the broker's {@code BROKER_STATUS_TTL_MS}
         * (1 h). A message with its own TTL spares the broker re-encoding it to apply the address's
         * expiry delay (16.5% of its CPU on the push path, docs/performance.md).
         */
        @WithDefault("1h")
        Duration statusTtl();
    }

    /**
     * How long what the processor keeps about finished work stays, pruned in the background. Items
     * themselves are the data and stay.
     */
    interface Retention {
        /**
         * Outcomes of processed commands ({@code processed_commands}): {@code GET /api/commands/{id}}
         * answers for this long, and a redelivery of a command older than this would be applied again,
         * so keep it well above how long a command can wait in the broker.
         */
        @WithDefault("7d")
        Duration outcomes();

        /** Published outbox entries (the newest one always stays: the numbering continues after it). */
        @WithDefault("1d")
        Duration publishedEvents();

        /** How often to prune. */
        @WithDefault("1m")
        Duration interval();

        /** Most rows deleted per statement, so that no prune holds locks for long. */
        @WithDefault("1000")
        int batchSize();
    }
}
