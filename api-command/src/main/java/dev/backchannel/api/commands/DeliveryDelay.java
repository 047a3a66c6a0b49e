package dev.backchannel.api.commands;

import dev.backchannel.api.chaos.ChaosSwitchboard;
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

    private final ChaosSwitchboard switchboard;

    DeliveryDelay(ChaosSwitchboard switchboard) {
        this.switchboard = switchboard;
    }

    Duration next() {
        ChaosFlags.DelayRange range = switchboard.current().queueDelayMs();
        long min = range.min();
        long max = Math.max(min, range.max());
        return Duration.ofMillis(min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1));
    }
}
