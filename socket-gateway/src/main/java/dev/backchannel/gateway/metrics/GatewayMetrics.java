package dev.backchannel.gateway.metrics;

import dev.backchannel.service.metrics.Gauges;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** The gateway's own meters, as {@code backchannel_gateway_*} on {@code /q/metrics}, present from boot. */
@Startup
@ApplicationScoped
public class GatewayMetrics {

    /** Bucket bounds of the push latency histogram; the dashboard's SLO lines are 250 ms and 1 s. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    private final Counter framesPushed;
    private final Counter slowConsumerCloses;
    private final Counter invalidStatusEvents;
    private final Timer pushLatency;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        framesPushed = Counter.builder("backchannel.gateway.frames.pushed")
                .description("Frames handed to sockets, one per socket").register(registry);
        slowConsumerCloses = Counter.builder("backchannel.gateway.slow.consumer.closes")
                .description("Sockets closed because they did not read their frames").register(registry);
        for (String limit : new String[] {"connections-per-user", "origin", "token-expired", "unresponsive", "user-id"}) {
            registry.counter("backchannel.gateway.limit.enforced", "limit", limit);
        }
        invalidStatusEvents = Counter.builder("backchannel.gateway.status.events.invalid")
                .description("Status events that failed the schema and were dropped").register(registry);
        pushLatency = Timer.builder("backchannel.gateway.push.latency")
                .description("From the commit of an event (timing.processedAt) to its push to this node's sockets")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        // present from boot, so dashboards and rates need no first occurrence
        registry.counter("backchannel.gateway.resumes", "outcome", "resumed");
        registry.counter("backchannel.gateway.resumes", "outcome", "reset");
        registry.counter("backchannel.gateway.frames.replayed");
        registry.counter("backchannel.gateway.presence.messages", "direction", "sent");
        registry.counter("backchannel.gateway.presence.messages", "direction", "received");
        registry.counter("backchannel.gateway.presence.frames");
        for (String code : new String[] {"bad_request", "forbidden_topic", "too_big"}) {
            registry.counter("backchannel.gateway.bad.requests", "code", code);
        }
    }

    /**
     * A gauge read from {@code value} at each scrape: {@code backchannel.gateway.connections.open} and
     * {@code backchannel.gateway.users.connected} come from the socket registry this way.
     */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauges.register(registry, name, Tags.empty(), description, value, supplier -> supplier.get().doubleValue());
    }

    /** One event handed to {@code sockets} sockets. */
    public void framesPushed(int sockets) {
        framesPushed.increment(sockets);
    }

    /** An event pushed at {@code pushedAt}: its latency since its commit ({@code timing.processedAt}), when known. */
    public void pushed(Instant processedAt, Instant pushedAt) {
        if (processedAt != null) {
            Duration latency = Duration.between(processedAt, pushedAt);
            pushLatency.record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }

    public void slowConsumerClosed() {
        slowConsumerCloses.increment();
    }

    public void invalidStatusEvent() {
        invalidStatusEvents.increment();
    }

    /** A resume answered, by outcome ({@code resumed} or {@code reset}), with the events it replayed. */
    public void resumed(String outcome, int replayedEvents) {
        registry.counter("backchannel.gateway.resumes", "outcome", outcome).increment();
        registry.counter("backchannel.gateway.frames.replayed").increment(replayedEvents);
    }

    /** A socket refused or closed by a limit: connections-per-user, origin, token-expired, unresponsive. */
    public void limitEnforced(String limit) {
        registry.counter("backchannel.gateway.limit.enforced", "limit", limit).increment();
    }

    /** One presence message between gateway nodes, {@code sent} or {@code received}. */
    public void presenceMessage(String direction) {
        registry.counter("backchannel.gateway.presence.messages", "direction", direction).increment();
    }

    /** One presence change handed to {@code sockets} sockets of this node. */
    public void presenceFrames(int sockets) {
        registry.counter("backchannel.gateway.presence.frames").increment(sockets);
    }

    /** A client request refused with an error frame, by error code. */
    public void badRequest(String code) {
        registry.counter("backchannel.gateway.bad.requests", "code", code).increment();
    }
}
