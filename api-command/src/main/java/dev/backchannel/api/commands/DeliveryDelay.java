package dev.backchannel.api.commands;

import dev.backchannel.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Picks how long a command waits on the queue before the processor may see it. */
@ApplicationScoped
public class DeliveryDelay {

    private final ApiConfig config;

    DeliveryDelay(ApiConfig config) {
        this.config = config;
    }

    Duration next() {
        long min = config.queueDelay().min().toMillis();
        long max = Math.max(min, config.queueDelay().max().toMillis());
        return Duration.ofMillis(min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1));
    }
}
