package dev.backchannel.processor.commands;

import dev.backchannel.schemas.ErrorCode;
import dev.backchannel.schemas.Frame;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Commands by outcome ({@code backchannel_commands_processed_total{outcome=...}}), and two histograms
 * of processed commands: queue delay (accepted by api-command to delivered here) and processing time
 * (delivered here to committed).
 */
@Startup
@ApplicationScoped
public class CommandMetrics {

    static final String PROCESSED = "backchannel.commands.processed";

    /** Bucket bounds: the queue delay alone is 0.5 to 2 s by default, chaos makes it longer. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final MeterRegistry registry;
    private final Timer queueDelay;
    private final Timer processing;

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.queueDelay = Timer.builder("backchannel.commands.queue.delay")
                .description("From acceptedAt (api-command) to deliveredAt (processor) of each processed command")
                .serviceLevelObjectives(BUCKETS).register(registry);
        this.processing = Timer.builder("backchannel.commands.processing")
                .description("From delivery to commit of each processed command")
                .serviceLevelObjectives(BUCKETS).register(registry);
        // every outcome from boot at 0, so rates and dashboards need no first occurrence
        for (String outcome : new String[] {"succeeded", "duplicate", "dead_lettered", "retried"}) {
            counter(outcome);
        }
        for (ErrorCode code : ErrorCode.values()) {
            counter(code.wireName());
        }
    }

    /** A command applied (or refused) and committed: how long it waited on the queue and here. */
    public void timed(Duration waitedOnQueue, Duration processingTime) {
        queueDelay.record(waitedOnQueue.isNegative() ? Duration.ZERO : waitedOnQueue);
        processing.record(processingTime);
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
        counter(outcome).increment();
    }

    private Counter counter(String outcome) {
        return Counter.builder(PROCESSED).description("Commands handled, by outcome").tag("outcome", outcome)
                .register(registry);
    }
}
