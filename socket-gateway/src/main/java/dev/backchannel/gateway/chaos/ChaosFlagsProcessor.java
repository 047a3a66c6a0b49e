package dev.backchannel.gateway.chaos;

import dev.backchannel.schemas.Addresses;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies chaos flags from the multicast {@code chaos} address (a non-durable subscription of this
 * node; the broker hands a new subscriber the last flags published). Flags that break the schema are
 * ignored, with one log line.
 */
@ApplicationScoped
public class ChaosFlagsProcessor {

    private final GatewayChaos chaos;

    public ChaosFlagsProcessor(GatewayChaos chaos) {
        this.chaos = chaos;
    }

    @Incoming(Addresses.CHAOS)
    public void onChaosFlags(Object body) {
        chaos.receive(body);
    }
}
