package dev.backchannel.gateway;

import dev.backchannel.gateway.routing.LocalSockets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** The gateway's own meters, as {@code backchannel_gateway_*} on {@code /q/metrics}, present from boot. */
@Startup
@ApplicationScoped
public class GatewayMetrics {

    private final MeterRegistry registry;
    private final Counter framesPushed;
    private final Counter slowConsumerCloses;
    private final Counter invalidStatusEvents;

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
    }

    public void framePushed() {
        framesPushed.increment();
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
