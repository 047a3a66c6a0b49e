package dev.backchannel.gateway.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PingIntervalTest {

    @Test
    void aPingShorterThanTheIdleTimeoutIsFine() {
        assertThat(PingInterval.problem(Optional.of(Duration.ofSeconds(20)), Duration.ofSeconds(30))).isEmpty();
    }

    @Test
    void aPingAsLongAsTheIdleTimeoutOrNoPingAtAllIsRefusedNamingBothKeys() {
        assertThat(PingInterval.problem(Optional.of(Duration.ofSeconds(30)), Duration.ofSeconds(30)))
                .hasValueSatisfying(problem -> assertThat(problem).contains("BACKCHANNEL_WS_PING_INTERVAL")
                        .contains("BACKCHANNEL_HTTP_IDLE_TIMEOUT"));
        assertThat(PingInterval.problem(Optional.empty(), Duration.ofSeconds(30))).isPresent();
    }
}
