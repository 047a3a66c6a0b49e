package dev.backchannel.api.commands;

import dev.backchannel.api.chaos.ApiChaos;
import dev.backchannel.schemas.ChaosFlags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks how long a command waits on the queue before the processor may see it: at random in the
 * configured range, or in the {@code queueDelayMs} chaos flag's range once one was set.
 */
@ApplicationScoped
public class DeliveryDelay {

    private final ApiChaos chaos;

    DeliveryDelay(ApiChaos chaos) {
        this.chaos = chaos;
    }

    Duration next() {
        ChaosFlags.DelayRange range = chaos.current().queueDelayMs();
        long min = range.min();
        long max = Math.max(min, range.max());
        return Duration.ofMillis(min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1));
    }
}
