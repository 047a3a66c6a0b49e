package dev.backchannel.service.health;

import dev.backchannel.service.metrics.Gauges;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@code backchannel_ready}: 1 while every readiness check of the service is up, 0 while one is
 * down (what {@code /q/health/ready} says, polled), so Prometheus can alert on it
 * ({@code ops/alerts.yml}, BackchannelServiceNotReady). 0 until the first poll answered.
 */
public final class ReadinessGauge {

    public static final String NAME = "backchannel.ready";

    private final AtomicInteger ready = new AtomicInteger();

    private ReadinessGauge() {
    }

    public static ReadinessGauge register(MeterRegistry registry) {
        ReadinessGauge gauge = new ReadinessGauge();
        Gauges.register(registry, NAME, Tags.empty(), "1 while every readiness check of this service is up",
                gauge.ready, AtomicInteger::get);
        return gauge;
    }

    /** Asks {@code readiness} (true: ready) every {@code period} on a Vert.x timer; returns the timer id. */
    public long pollEvery(Vertx vertx, Duration period, Supplier<CompletionStage<Boolean>> readiness) {
        return vertx.setPeriodic(0, Math.max(1, period.toMillis()), id -> readiness.get()
                .whenComplete((up, failure) -> set(failure == null && Boolean.TRUE.equals(up))));
    }

    public void set(boolean up) {
        ready.set(up ? 1 : 0);
    }

    public int value() {
        return ready.get();
    }
}
