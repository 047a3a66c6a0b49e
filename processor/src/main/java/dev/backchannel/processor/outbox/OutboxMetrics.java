package dev.backchannel.processor.outbox;

import dev.backchannel.service.metrics.Gauges;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Outbox meters: pending events (gauge), published events, publish retries, publish lag. */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    /** Bucket bounds of the lag histogram, from a quick publish to one held up by a broker outage. */
    private static final Duration[] LAG_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final AtomicLong pending = new AtomicLong();
    private final Counter published;
    private final Counter retries;
    private final Timer publishLag;

    public OutboxMetrics(MeterRegistry registry) {
        Gauges.register(registry, "backchannel.outbox.pending", Tags.empty(),
                "Committed status events not yet settled by the broker", pending, AtomicLong::get);
        published = Counter.builder("backchannel.outbox.published")
                .description("Status events the broker settled").register(registry);
        retries = Counter.builder("backchannel.outbox.publish.retries")
                .description("Publish attempts that failed and will be retried").register(registry);
        publishLag = Timer.builder("backchannel.outbox.publish.lag")
                .description("From the commit of a status event (processedAt) to its successful publish (publishedAt)")
                .serviceLevelObjectives(LAG_BUCKETS).register(registry);
    }

    void pending(long count) {
        pending.set(Math.max(0, count));
    }

    void published(int count) {
        published.increment(count);
    }

    /** Records the publish lag of each of {@code entries}, all published at {@code publishedAt}. */
    void publishLag(List<OutboxEntry> entries, Instant publishedAt) {
        for (OutboxEntry entry : entries) {
            publishLag.record(Duration.between(entry.occurredAt(), publishedAt));
        }
    }

    void retry() {
        retries.increment();
    }

    public double retries() {
        return retries.count();
    }
}
