package dev.backchannel.gateway.chaos;

import dev.backchannel.gateway.config.GatewayConfig;
import dev.backchannel.schemas.ChaosFlags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The chaos flags in effect on this gateway node. Starts calm; changes arrive on the {@code chaos}
 * address (see {@link ChaosFlagsProcessor}). With chaos disabled in configuration the flags never
 * change and no fault ever fires. The gateway's own fault is {@code gatewayDisconnectRate}: a push
 * closes the socket with {@code CloseCodes.CHAOS} instead of sending.
 */
@Startup
@ApplicationScoped
public class GatewayChaos {

    private static final String DISCONNECT = "gatewayDisconnectRate";

    private final boolean enabled;
    private final AtomicReference<ChaosFlags> flags = new AtomicReference<>(ChaosFlags.calm(0, 0));
    private final Counter disconnects;

    @Inject
    public GatewayChaos(GatewayConfig config, MeterRegistry registry) {
        this(config.chaosEnabled(), registry);
    }

    GatewayChaos(boolean enabled, MeterRegistry registry) {
        this.enabled = enabled;
        this.disconnects = Counter.builder("backchannel.chaos.faults").tag("flag", DISCONNECT)
                .description("Faults injected on purpose, per chaos flag").register(registry);
        gauge(registry, "apiErrorRate", ChaosFlags::apiErrorRate);
        gauge(registry, "processorFailureRate", ChaosFlags::processorFailureRate);
        gauge(registry, "processorCrashRate", ChaosFlags::processorCrashRate);
        gauge(registry, "publishFailureRate", ChaosFlags::publishFailureRate);
        gauge(registry, DISCONNECT, ChaosFlags::gatewayDisconnectRate);
        gauge(registry, "queueDelayMs.min", f -> f.queueDelayMs().min());
        gauge(registry, "queueDelayMs.max", f -> f.queueDelayMs().max());
    }

    /** Never fires: for code that runs without CDI (unit tests). */
    public static GatewayChaos disabled() {
        return new GatewayChaos(false, new SimpleMeterRegistry());
    }

    public boolean enabled() {
        return enabled;
    }

    public ChaosFlags current() {
        return flags.get();
    }

    /** Applies new flags, when chaos is enabled here. */
    public void apply(ChaosFlags next) {
        if (enabled) {
            flags.set(next);
        }
    }

    /** Whether this push should close its socket instead (counted when it fires). */
    public boolean disconnectFires() {
        boolean fires = enabled && ThreadLocalRandom.current().nextDouble() < flags.get().gatewayDisconnectRate();
        if (fires) {
            disconnects.increment();
        }
        return fires;
    }

    private void gauge(MeterRegistry registry, String flag, ToDoubleFunction<ChaosFlags> value) {
        Gauge.builder("backchannel.chaos.flag", flags, ref -> value.applyAsDouble(ref.get())).tag("flag", flag)
                .description("Chaos flag in effect on this node").register(registry);
    }
}
