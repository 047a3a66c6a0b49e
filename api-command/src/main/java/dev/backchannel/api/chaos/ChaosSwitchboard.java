package dev.backchannel.api.chaos;

import dev.backchannel.api.config.ApiConfig;
import dev.backchannel.schemas.ChaosFlags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The chaos flags in effect on this api-command instance. Starts calm with the configured queue
 * delay; changes arrive from the {@code chaos} address (see {@link ChaosBroadcast}). With chaos
 * disabled in configuration it never changes and never fires.
 */
@Startup
@ApplicationScoped
public class ChaosSwitchboard {

    private final boolean enabled;
    private final AtomicReference<ChaosFlags> flags;
    private final Counter apiErrorsFired;

    ChaosSwitchboard(ApiConfig config, MeterRegistry registry) {
        this.enabled = config.chaos().enabled();
        this.flags = new AtomicReference<>(ChaosFlags.calm(config.queueDelay().min().toMillis(),
                config.queueDelay().max().toMillis()));
        this.apiErrorsFired = Counter.builder("backchannel.chaos.faults").tag("flag", "apiErrorRate")
                .description("Faults injected on purpose, per chaos flag").register(registry);
        gauge(registry, "apiErrorRate", ChaosFlags::apiErrorRate);
        gauge(registry, "processorFailureRate", ChaosFlags::processorFailureRate);
        gauge(registry, "processorCrashRate", ChaosFlags::processorCrashRate);
        gauge(registry, "publishFailureRate", ChaosFlags::publishFailureRate);
        gauge(registry, "gatewayDisconnectRate", ChaosFlags::gatewayDisconnectRate);
        gauge(registry, "queueDelayMs.min", f -> f.queueDelayMs().min());
        gauge(registry, "queueDelayMs.max", f -> f.queueDelayMs().max());
    }

    public boolean enabled() {
        return enabled;
    }

    public ChaosFlags current() {
        return flags.get();
    }

    void apply(ChaosFlags next) {
        if (enabled) {
            flags.set(next);
        }
    }

    /** Whether this request should fail with an injected 500 (counted when it fires). */
    public boolean apiErrorFires() {
        boolean fires = enabled && ThreadLocalRandom.current().nextDouble() < flags.get().apiErrorRate();
        if (fires) {
            apiErrorsFired.increment();
        }
        return fires;
    }

    private void gauge(MeterRegistry registry, String flag, ToDoubleFunction<ChaosFlags> value) {
        Gauge.builder("backchannel.chaos.flag", flags, ref -> value.applyAsDouble(ref.get())).tag("flag", flag)
                .description("Chaos flag in effect on this instance").register(registry);
    }
}
