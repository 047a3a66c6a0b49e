package dev.backchannel.processor.chaos;

import dev.backchannel.processor.config.ProcessorConfig;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.service.chaos.ChaosFault;
import dev.backchannel.service.chaos.ChaosSwitchboard;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The chaos flags in effect on this processor, from {@link Addresses#CHAOS} (the last value arrives
 * on start), and the faults the processor injects: a command fails with {@code processing_failed},
 * the processor "dies" before acknowledging ({@link SimulatedCrash}), a publish of status events fails.
 */
@Startup
@ApplicationScoped
public class ProcessorChaos {

    private final ChaosSwitchboard switchboard;

    ProcessorChaos(ProcessorConfig config, MeterRegistry registry) {
        this.switchboard = new ChaosSwitchboard(config.chaosEnabled(), ChaosFlags.calm(0, 0), registry,
                Set.of(ChaosFault.PROCESSOR_FAILURE, ChaosFault.PROCESSOR_CRASH, ChaosFault.PUBLISH_FAILURE));
    }

    @Incoming(Addresses.CHAOS)
    void receive(Object body) {
        switchboard.receive(body);
    }

    public ChaosFlags current() {
        return switchboard.current();
    }

    /** The command should fail with {@code processing_failed}. */
    public boolean processingFails() {
        return switchboard.fires(ChaosFault.PROCESSOR_FAILURE);
    }

    /** The processor should "die" before acknowledging the command. */
    public boolean crashes() {
        return switchboard.fires(ChaosFault.PROCESSOR_CRASH);
    }

    /**
     * At {@code processorCrashRate} 1.0 every delivery dies before its commit (a poison command: the
     * broker dead-letters it and it ends {@code undeliverable}); below that, half of the crashes come
     * after the commit.
     */
    public boolean crashesBeforeEveryCommit() {
        return current().processorCrashRate() >= 1.0;
    }

    /** Publishing the next status events should fail. */
    public boolean publishFails() {
        return switchboard.fires(ChaosFault.PUBLISH_FAILURE);
    }
}
