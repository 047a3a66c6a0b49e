package dev.backchannel.processor.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    @Test
    void shouldDoubleFromInitialDelayOnEachFailure() {
        assertThat(backoff.afterFailures(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.afterFailures(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.afterFailures(4)).isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void shouldNeverExceedTheCapEvenAfterManyFailures() {
        assertThat(backoff.afterFailures(7)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.afterFailures(1_000)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void eventIdsShouldCompareAsStringsInSequenceOrder() {
        assertThat(EventIds.of(9)).isLessThan(EventIds.of(10));
        assertThat(EventIds.of(123)).matches("^[0-9A-Za-z]{10,40}$").hasSize(20);
        assertThat(EventIds.seqOf(EventIds.of(123))).isEqualTo(123);
    }
}
