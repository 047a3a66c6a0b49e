package dev.backchannel.processor.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Outbox meters: pending events (gauge), published events, publish retries. */
@ApplicationScoped
public class OutboxMetrics {

    private final AtomicLong pending = new AtomicLong();
    private final Counter published;
    private final Counter retries;

    public OutboxMetrics(MeterRegistry registry) {
        Gauge.builder("backchannel.outbox.pending", pending, AtomicLong::get)
                .description("Committed status events not yet settled by the broker").register(registry);
        published = Counter.builder("backchannel.outbox.published")
                .description("Status events the broker settled").register(registry);
        retries = Counter.builder("backchannel.outbox.publish.retries")
                .description("Publish attempts that failed and will be retried").register(registry);
    }

    void pending(long count) {
        pending.set(Math.max(0, count));
    }

    void published(int count) {
        published.increment(count);
    }

    void retry() {
        retries.increment();
    }

    public double retries() {
        return retries.count();
    }
}
