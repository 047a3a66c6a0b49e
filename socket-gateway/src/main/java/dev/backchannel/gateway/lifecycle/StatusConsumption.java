package dev.backchannel.gateway.lifecycle;

import dev.backchannel.gateway.messaging.StatusSubscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * This node's consumption of {@code status}, as graceful shutdown sees it. Pausing stops taking
 * events; what was not accepted stays in the node's durable subscription.
 */
@ApplicationScoped
public class StatusConsumption {

    private final StatusSubscription subscription;

    @Inject
    public StatusConsumption(StatusSubscription subscription) {
        this.subscription = subscription;
    }

    /** For tests that count the calls. */
    protected StatusConsumption() {
        this.subscription = null;
    }

    public void pause() {
        subscription.pause();
    }

    public boolean isPaused() {
        return subscription.isPaused();
    }
}
