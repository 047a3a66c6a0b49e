package dev.backchannel.service.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Json;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChaosSwitchboardTest {

    private static final ChaosFlags ALL_FAULTS = new ChaosFlags(1, new ChaosFlags.DelayRange(10, 20), 1, 1, 1, 1);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldFireEveryFaultAtRateOneAndCountEachOnce() {
        ChaosSwitchboard switchboard = new ChaosSwitchboard(true, ChaosFlags.calm(0, 0), registry,
                Set.of(ChaosFault.GATEWAY_DISCONNECT));
        switchboard.apply(ALL_FAULTS);

        assertThat(switchboard.fires(ChaosFault.GATEWAY_DISCONNECT)).isTrue();
        assertThat(switchboard.fires(ChaosFault.API_ERROR)).isTrue();

        assertThat(faults("gatewayDisconnectRate")).isEqualTo(1);
        assertThat(faults("apiErrorRate")).isEqualTo(1);
    }

    @Test
    void shouldNeverFireAtRateZero() {
        ChaosSwitchboard switchboard = new ChaosSwitchboard(true, ChaosFlags.calm(0, 0), registry,
                Set.of(ChaosFault.PROCESSOR_CRASH));

        for (int i = 0; i < 100; i++) {
            assertThat(switchboard.fires(ChaosFault.PROCESSOR_CRASH)).isFalse();
        }
        assertThat(faults("processorCrashRate")).isZero();
    }

    @Test
    void shouldKeepItsFlagsAndNeverFireWhenChaosIsDisabled() {
        ChaosSwitchboard switchboard = new ChaosSwitchboard(false, ChaosFlags.calm(500, 2000), registry, Set.of());

        switchboard.apply(ALL_FAULTS);

        assertThat(switchboard.current()).isEqualTo(ChaosFlags.calm(500, 2000));
        assertThat(switchboard.fires(ChaosFault.API_ERROR)).isFalse();
    }

    @Test
    void shouldApplyFlagsFromAMessageBodyAndIgnoreABodyThatBreaksTheSchema() {
        ChaosSwitchboard switchboard = new ChaosSwitchboard(true, ChaosFlags.calm(0, 0), registry, Set.of());

        switchboard.receive(new JsonObject(Json.write(ALL_FAULTS)));
        switchboard.receive("{\"apiErrorRate\":2}");
        switchboard.receive(null);

        assertThat(switchboard.current()).isEqualTo(ALL_FAULTS);
    }

    @Test
    void shouldShowEveryFlagInEffectAsAGauge() {
        ChaosSwitchboard switchboard = new ChaosSwitchboard(true, ChaosFlags.calm(0, 0), registry, Set.of());
        switchboard.apply(ALL_FAULTS);

        assertThat(registry.find("backchannel.chaos.flag").gauges()).hasSize(7);
        assertThat(registry.get("backchannel.chaos.flag").tag("flag", "queueDelayMs.max").gauge().value())
                .isEqualTo(20);
        assertThat(registry.get("backchannel.chaos.flag").tag("flag", "processorFailureRate").gauge().value())
                .isEqualTo(1);
    }

    private double faults(String flag) {
        return registry.get("backchannel.chaos.faults").tag("flag", flag).counter().count();
    }
}
