package dev.backchannel.api.chaos;

import dev.backchannel.api.config.ApiConfig;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.service.chaos.ChaosFault;
import dev.backchannel.service.chaos.ChaosSwitchboard;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The chaos flags in effect on this api-command instance. Starts calm with the configured queue
 * delay; changes arrive from the {@code chaos} address (see {@link ChaosBroadcast}). Its own fault
 * is {@code apiErrorRate}: a command is answered with an injected 500.
 */
@Startup
@ApplicationScoped
public class ApiChaos {

    private final ChaosSwitchboard switchboard;

    ApiChaos(ApiConfig config, MeterRegistry registry) {
        this.switchboard = new ChaosSwitchboard(config.chaos().enabled(),
                ChaosFlags.calm(config.queueDelay().min().toMillis(), config.queueDelay().max().toMillis()),
                registry, Set.of(ChaosFault.API_ERROR));
    }

    public boolean enabled() {
        return switchboard.enabled();
    }

    public ChaosFlags current() {
        return switchboard.current();
    }

    void apply(ChaosFlags next) {
        switchboard.apply(next);
    }

    void receive(Object body) {
        switchboard.receive(body);
    }

    /** Whether this request should fail with an injected 500 (counted when it fires). */
    public boolean apiErrorFires() {
        return switchboard.fires(ChaosFault.API_ERROR);
    }
}
