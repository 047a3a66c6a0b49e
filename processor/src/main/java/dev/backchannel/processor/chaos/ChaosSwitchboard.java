package dev.backchannel.processor.chaos;

import dev.backchannel.processor.config.ProcessorConfig;
import dev.backchannel.schemas.ChaosFlags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The chaos flags in effect on this processor and the faults they inject, each counted in
 * {@code backchannel_chaos_faults_total{flag}} when it fires. Never fires while chaos is disabled.
 */
@Startup
@ApplicationScoped
public class ChaosSwitchboard {

    static final String FAILURE = "processorFailureRate";
    static final String CRASH = "processorCrashRate";
    static final String PUBLISH = "publishFailureRate";

    private final boolean enabled;
    private final AtomicReference<ChaosFlags> flags = new AtomicReference<>(ChaosFlags.calm(0, 0));
    private final Map<String, Counter> fired;

    ChaosSwitchboard(ProcessorConfig config, MeterRegistry registry) {
        this.enabled = config.chaosEnabled();
        this.fired = Map.of(FAILURE, counter(registry, FAILURE), CRASH, counter(registry, CRASH),
                PUBLISH, counter(registry, PUBLISH));
        gauge(registry, FAILURE, ChaosFlags::processorFailureRate);
        gauge(registry, CRASH, ChaosFlags::processorCrashRate);
        gauge(registry, PUBLISH, ChaosFlags::publishFailureRate);
    }

    void apply(ChaosFlags next) {
        if (enabled) {
            flags.set(next);
        }
    }

    public ChaosFlags current() {
        return flags.get();
    }

    /** The command should fail with {@code processing_failed}. */
    public boolean processingFails() {
        return fires(FAILURE, flags.get().processorFailureRate());
    }

    /** The processor should "die" before acknowledging the command. */
    public boolean crashes() {
        return fires(CRASH, flags.get().processorCrashRate());
    }

    /** Publishing the next status events should fail. */
    public boolean publishFails() {
        return fires(PUBLISH, flags.get().publishFailureRate());
    }

    private boolean fires(String flag, double rate) {
        boolean fires = enabled && rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
        if (fires) {
            fired.get(flag).increment();
        }
        return fires;
    }

    private static Counter counter(MeterRegistry registry, String flag) {
        return Counter.builder("backchannel.chaos.faults").tag("flag", flag)
                .description("Faults injected on purpose, per chaos flag").register(registry);
    }

    private void gauge(MeterRegistry registry, String flag, ToDoubleFunction<ChaosFlags> value) {
        Gauge.builder("backchannel.chaos.flag", flags, ref -> value.applyAsDouble(ref.get())).tag("flag", flag)
                .description("Chaos flag in effect on this instance").register(registry);
    }
}
