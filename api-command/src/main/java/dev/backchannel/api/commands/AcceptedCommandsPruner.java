package dev.backchannel.api.commands;

import dev.backchannel.api.config.ApiConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps {@code accepted_commands} bounded: records older than {@code accepted-retention} are deleted
 * in batches every minute, counted as {@code backchannel_retention_pruned_total{table="accepted_commands"}}.
 */
@ApplicationScoped
public class AcceptedCommandsPruner {

    private static final Logger LOG = Logger.getLogger(AcceptedCommandsPruner.class);
    private static final int BATCH = 1000;
    private static final Duration INTERVAL = Duration.ofMinutes(1);

    private final AcceptedCommands accepted;
    private final Duration retention;
    private final Counter pruned;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread pruner = new Thread(runnable, "retention-pruner");
        pruner.setDaemon(true);
        return pruner;
    });

    AcceptedCommandsPruner(AcceptedCommands accepted, ApiConfig config, MeterRegistry registry) {
        this.accepted = accepted;
        this.retention = config.acceptedRetention();
        this.pruned = Counter.builder("backchannel.retention.pruned").tag("table", "accepted_commands")
                .description("Rows deleted because they were past their retention").register(registry);
    }

    void start(@Observes StartupEvent started) {
        thread.scheduleWithFixedDelay(this::pruneSafely, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        thread.shutdownNow();
    }

    /** Deletes every record accepted before {@code now - accepted-retention}; returns how many. */
    public long prune(Instant now) {
        long total = 0;
        int deleted;
        do {
            deleted = accepted.pruneBefore(now.minus(retention), BATCH);
            pruned.increment(deleted);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    private void pruneSafely() {
        try {
            long deleted = prune(Instant.now());
            if (deleted > 0) {
                LOG.infof("Pruned %d accepted commands past their retention (%s)", deleted, retention);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Cannot prune accepted commands, trying again in %s: %s", INTERVAL, e.getMessage());
        }
    }
}
