package dev.backchannel.service.chaos;

import dev.backchannel.service.metrics.Gauges;
import io.micrometer.core.instrument.Tags;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.service.messaging.MessageBodies;
import dev.backchannel.service.messaging.UnreadableBody;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.jboss.logging.Logger;

/**
 * The chaos flags in effect on one service instance, and whether a fault fires. Flags arrive on
 * the multicast {@code chaos} address ({@link #receive}); with chaos disabled in configuration they
 * never change and no fault ever fires. Every flag is a gauge {@code backchannel_chaos_flag{flag}};
 * every fault that fires is counted in {@code backchannel_chaos_faults_total{flag}}.
 */
public final class ChaosSwitchboard {

    private static final Logger LOG = Logger.getLogger(ChaosSwitchboard.class);

    private final boolean enabled;
    private final AtomicReference<ChaosFlags> flags;
    private final MeterRegistry registry;
    private final Map<ChaosFault, Counter> fired = new ConcurrentHashMap<>();

    /** {@code faults}: the ones this service injects, counted from zero at start. */
    public ChaosSwitchboard(boolean enabled, ChaosFlags initial, MeterRegistry registry, Set<ChaosFault> faults) {
        this.enabled = enabled;
        this.flags = new AtomicReference<>(initial);
        this.registry = registry;
        faults.forEach(this::counter);
        for (ChaosFault fault : ChaosFault.values()) {
            gauge(fault.flag(), fault::rate);
        }
        gauge("queueDelayMs.min", f -> f.queueDelayMs().min());
        gauge("queueDelayMs.max", f -> f.queueDelayMs().max());
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

    /** Applies the flags of a message from the {@code chaos} address; a body that breaks the schema is ignored. */
    public void receive(Object body) {
        ChaosFlags next;
        try {
            next = MessageBodies.read(body, MessageSchema.CHAOS_FLAGS, ChaosFlags.class);
        } catch (UnreadableBody unreadable) {
            LOG.warnf("ignoring chaos flags that do not match the schema (%s): %s", unreadable.getMessage(),
                    unreadable.text());
            return;
        }
        apply(next);
        LOG.infof("chaos flags received (%s here): %s", enabled ? "applied" : "ignored, chaos disabled", next);
    }

    /** Whether {@code fault} fires this time (counted when it does). */
    public boolean fires(ChaosFault fault) {
        double rate = fault.rate(flags.get());
        boolean fires = enabled && rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
        if (fires) {
            counter(fault).increment();
        }
        return fires;
    }

    private Counter counter(ChaosFault fault) {
        return fired.computeIfAbsent(fault, f -> Counter.builder("backchannel.chaos.faults").tag("flag", f.flag())
                .description("Faults injected on purpose, per chaos flag").register(registry));
    }

    private void gauge(String flag, ToDoubleFunction<ChaosFlags> value) {
        Gauges.register(registry, "backchannel.chaos.flag", Tags.of("flag", flag), "Chaos flag in effect on this instance",
                flags, ref -> value.applyAsDouble(ref.get()));
    }
}
