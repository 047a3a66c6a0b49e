package dev.backchannel.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GaugesTest {

    @Test
    void aRestartedApplicationsGaugeReadsItsOwnStateNotTheStoppedOnes() {
        // the global registry outlives an application restarted in the same JVM
        CompositeMeterRegistry global = new CompositeMeterRegistry();
        global.add(new SimpleMeterRegistry());
        AtomicInteger first = new AtomicInteger(1);
        Gauges.register(global, "backchannel.test", Tags.of("flag", "x"), "test", first, AtomicInteger::get);

        AtomicInteger second = new AtomicInteger(2);
        Gauges.register(global, "backchannel.test", Tags.of("flag", "x"), "test", second, AtomicInteger::get);
        second.set(3);

        assertThat(global.get("backchannel.test").tags("flag", "x").gauge().value()).isEqualTo(3.0);
    }

    @Test
    void aStateOnlyTheGaugeRefersToIsNotCollected() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        java.util.function.Supplier<Number> open = new AtomicInteger(7)::get;
        Gauges.register(registry, "backchannel.test", Tags.empty(), "test", open, s -> s.get().doubleValue());
        open = null;
        System.gc();

        assertThat(registry.get("backchannel.test").gauge().value()).isEqualTo(7.0);
    }

    @Test
    void gaugesOfOtherTagsStay() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Gauges.register(registry, "backchannel.test", Tags.of("flag", "x"), "test", new AtomicInteger(1), AtomicInteger::get);
        Gauges.register(registry, "backchannel.test", Tags.of("flag", "y"), "test", new AtomicInteger(2), AtomicInteger::get);

        assertThat(registry.get("backchannel.test").gauges()).hasSize(2);
    }
}
