package dev.backchannel.processor.retention;

import dev.backchannel.processor.DataAccessException;
import dev.backchannel.processor.config.ProcessorConfig;
import dev.backchannel.processor.database.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps the processor's bookkeeping bounded: outcomes of processed commands older than
 * {@code retention.outcomes}, and published outbox entries older than {@code retention.published-events}
 * (never the newest entry: the numbering continues after it), deleted in batches on a thread of its
 * own. Counted as {@code backchannel_retention_pruned_total{table}}. Safe to run on every processor at
 * once: each delete is idempotent.
 */
@ApplicationScoped
public class RetentionPruner {

    private static final Logger LOG = Logger.getLogger(RetentionPruner.class);

    private static final String OUTCOMES = "DELETE FROM processed_commands WHERE command_id IN (SELECT command_id"
            + " FROM processed_commands WHERE processed_at < ? FETCH FIRST ? ROWS ONLY)";
    private static final String PUBLISHED = "DELETE FROM outbox_entries WHERE id IN (SELECT id FROM outbox_entries"
            + " WHERE published_at < ? AND seq < (SELECT MAX(seq) FROM outbox_entries) FETCH FIRST ? ROWS ONLY)";

    private final Database database;
    private final ProcessorConfig.Retention config;
    private final Map<String, Counter> pruned;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread pruner = new Thread(runnable, "retention-pruner");
        pruner.setDaemon(true);
        return pruner;
    });

    public RetentionPruner(Database database, ProcessorConfig config, MeterRegistry registry) {
        this.database = database;
        this.config = config.retention();
        this.pruned = Map.of("processed_commands", counter(registry, "processed_commands"),
                "outbox_entries", counter(registry, "outbox_entries"));
    }

    void start(@Observes StartupEvent started) {
        long every = config.interval().toMillis();
        thread.scheduleWithFixedDelay(this::pruneSafely, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        thread.shutdownNow();
    }

    /** One round: everything past its retention, batch after batch. Returns the rows deleted per table. */
    public Map<String, Long> prune(Instant now) {
        long outcomes = pruneTable("processed_commands", OUTCOMES, now.minus(config.outcomes()));
        long published = pruneTable("outbox_entries", PUBLISHED, now.minus(config.publishedEvents()));
        return Map.of("processed_commands", outcomes, "outbox_entries", published);
    }

    private void pruneSafely() {
        try {
            Map<String, Long> deleted = prune(Instant.now());
            if (deleted.values().stream().anyMatch(count -> count > 0)) {
                LOG.infof("Pruned past their retention: %s", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Cannot prune past their retention, trying again in %s: %s", config.interval(), e.getMessage());
        }
    }

    private long pruneTable(String table, String sql, Instant before) {
        long total = 0;
        int deleted;
        do {
            try (Connection connection = database.connection();
                    PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setObject(1, before.atOffset(ZoneOffset.UTC));
                delete.setInt(2, config.batchSize());
                deleted = delete.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException("cannot prune " + table, e);
            }
            pruned.get(table).increment(deleted);
            total += deleted;
        } while (deleted == config.batchSize());
        return total;
    }

    private static Counter counter(MeterRegistry registry, String table) {
        return Counter.builder("backchannel.retention.pruned").tag("table", table)
                .description("Rows deleted because they were past their retention").register(registry);
    }
}
