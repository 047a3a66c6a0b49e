package dev.backchannel.gateway;

import dev.backchannel.gateway.routing.LocalSockets;
import dev.backchannel.schemas.Timing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

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

    public GatewayMetrics(MeterRegistry registry, LocalSockets sockets) {
        this.registry = registry;
        Gauge.builder("backchannel.gateway.connections.open", sockets, LocalSockets::openCount)
                .description("Websockets open on this node").register(registry);
        Gauge.builder("backchannel.gateway.users.connected", sockets, LocalSockets::userCount)
                .description("Users with at least one websocket open on this node").register(registry);
        framesPushed = Counter.builder("backchannel.gateway.frames.pushed")
                .description("Frames handed to sockets, one per socket").register(registry);
        slowConsumerCloses = Counter.builder("backchannel.gateway.slow.consumer.closes")
                .description("Sockets closed because they did not read their frames").register(registry);
        for (String limit : new String[] {"connections-per-user", "origin", "token-expired", "unresponsive"}) {
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
        for (String code : new String[] {"bad_request", "forbidden_topic", "too_big"}) {
            registry.counter("backchannel.gateway.bad.requests", "code", code);
        }
    }

    public void framePushed() {
        framesPushed.increment();
    }

    /** An event pushed at {@code pushedAt}: its latency since its commit, when its timing has processedAt. */
    public void pushed(Timing timing, Instant pushedAt) {
        if (timing != null && timing.processedAt() != null) {
            Duration latency = Duration.between(timing.processedAt(), pushedAt);
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

    /** A client request refused with an error frame, by error code. */
    public void badRequest(String code) {
        registry.counter("backchannel.gateway.bad.requests", "code", code).increment();
    }
}
