package dev.backchannel.gateway.lifecycle;

import dev.backchannel.schemas.Addresses;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * This node's consumption of {@code status} (a pausable channel: {@code mp.messaging.incoming.status.pausable}).
 * Pausing stops asking the broker for more; unacknowledged events stay in the node's subscription.
 */
@ApplicationScoped
public class StatusConsumption {

    @Inject
    ChannelRegistry channels;

    public void pause() {
        PausableChannel channel = channels.getPausable(Addresses.STATUS);
        if (channel != null) {
            channel.pause();
        }
    }

    public boolean isPaused() {
        PausableChannel channel = channels.getPausable(Addresses.STATUS);
        return channel != null && channel.isPaused();
    }
}
