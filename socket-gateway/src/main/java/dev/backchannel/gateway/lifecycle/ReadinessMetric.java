package dev.backchannel.gateway.lifecycle;

import dev.backchannel.service.health.ReadinessGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** {@code backchannel_ready} on {@code /q/metrics}: this service's readiness, polled every 5 s ({@link ReadinessGauge}). */
@Startup
@ApplicationScoped
public class ReadinessMetric {

    private static final Duration POLL = Duration.ofSeconds(5);

    ReadinessMetric(MeterRegistry registry, Vertx vertx, SmallRyeHealthReporter health) {
        ReadinessGauge.register(registry).pollEvery(vertx, POLL,
                () -> health.getReadinessAsync().map(answer -> !answer.isDown()).subscribeAsCompletionStage());
    }
}
