package dev.backchannel.processor.commands;

import dev.backchannel.schemas.Frame;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counters of commands by outcome: {@code backchannel_commands_processed_total{outcome=...}}. */
@ApplicationScoped
public class CommandMetrics {

    static final String PROCESSED = "backchannel.commands.processed";

    private final MeterRegistry registry;

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Outcome {@code succeeded}, or the error code of a failed command ({@code conflict}, ...). */
    public void processed(Frame.CommandOutcome outcome) {
        String label = outcome instanceof Frame.CommandFailed failed ? failed.error().code().wireName() : "succeeded";
        count(label);
    }

    /** A redelivery of a command processed before: acknowledged, nothing applied. */
    public void duplicate() {
        count("duplicate");
    }

    /** A message that is not a queued command, sent to the dead-letter queue. */
    public void deadLettered() {
        count("dead_lettered");
    }

    /** A transaction that failed (database error): the broker will deliver the command again. */
    public void retried() {
        count("retried");
    }

    private void count(String outcome) {
        Counter.builder(PROCESSED).description("Commands handled, by outcome").tag("outcome", outcome)
                .register(registry).increment();
    }
}
