package dev.backchannel.service.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToDoubleFunction;

/**
 * Registers a gauge so that it reads this application's object. Micrometer keeps the first gauge of a
 * name and tags and ignores a later registration; when an application restarts inside one JVM (the
 * Quarkus tests between test classes with other resources, dev mode), the global registry still holds
 * the gauge of the stopped application, which would then be read for ever. So a gauge left by an
 * earlier application is removed first. In production there is one registration and nothing to remove.
 */
public final class Gauges {

    private Gauges() {
    }

    public static <T> Gauge register(MeterRegistry registry, String name, Tags tags, String description, T state,
            ToDoubleFunction<T> value) {
        Gauge stale = registry.find(name).tags(tags).gauge();
        if (stale != null && stale.getId().getTags().size() == tags.stream().count()) {
            registry.remove(stale);
        }
        // held strongly: a state object only the gauge refers to (a method reference) is not collected (NaN)
        return Gauge.builder(name, state, value).tags(tags).description(description).strongReference(true)
                .register(registry);
    }
}
