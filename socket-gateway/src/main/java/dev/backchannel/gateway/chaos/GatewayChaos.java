package dev.backchannel.gateway.chaos;

import dev.backchannel.gateway.config.GatewayConfig;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.service.chaos.ChaosFault;
import dev.backchannel.service.chaos.ChaosSwitchboard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * The chaos flags in effect on this gateway node. Starts calm; changes arrive on the {@code chaos}
 * address (see {@link ChaosFlagsProcessor}). With chaos disabled in configuration the flags never
 * change and no fault ever fires. The gateway's own fault is {@code gatewayDisconnectRate}: a push
 * closes the socket with {@code CloseCodes.CHAOS} instead of sending.
 */
@Startup
@ApplicationScoped
public class GatewayChaos {

    private final ChaosSwitchboard switchboard;

    @Inject
    public GatewayChaos(GatewayConfig config, MeterRegistry registry) {
        this(config.chaosEnabled(), registry);
    }

    GatewayChaos(boolean enabled, MeterRegistry registry) {
        this.switchboard = new ChaosSwitchboard(enabled, ChaosFlags.calm(0, 0), registry,
                Set.of(ChaosFault.GATEWAY_DISCONNECT));
    }

    /** Never fires: for code that runs without CDI (unit tests). */
    public static GatewayChaos disabled() {
        return new GatewayChaos(false, new SimpleMeterRegistry());
    }

    public boolean enabled() {
        return switchboard.enabled();
    }

    public ChaosFlags current() {
        return switchboard.current();
    }

    /** Applies new flags, when chaos is enabled here. */
    public void apply(ChaosFlags next) {
        switchboard.apply(next);
    }

    /** Applies the flags of a message from the {@code chaos} address, when chaos is enabled here. */
    void receive(Object body) {
        switchboard.receive(body);
    }

    /** Whether this push should close its socket instead (counted when it fires). */
    public boolean disconnectFires() {
        return switchboard.fires(ChaosFault.GATEWAY_DISCONNECT);
    }
}
