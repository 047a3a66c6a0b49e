package dev.backchannel.client.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0);

    @Test
    void ceilingDoublesFromTheInitialDelayUntilCappedAtMax() {
        assertThat(java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(backoff::ceiling).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L, 1000L);
    }

    @Test
    void jitteredDelayStaysBetweenHalfAndOneAndAHalfTimesTheCeilingAndNeverAboveMax() {
        RandomGenerator random = new SplittableRandom(42);
        for (int retry = 1; retry <= 8; retry++) {
            long ceiling = backoff.ceiling(retry).toMillis();
            for (int i = 0; i < 500; i++) {
                assertThat(backoff.jittered(retry, random).toMillis())
                        .isBetween(ceiling / 2, Math.min(ceiling * 3 / 2, 1000));
            }
        }
    }

    @Test
    void jitteredDelaysActuallyVary() {
        RandomGenerator random = new SplittableRandom(7);
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.jittered(2, random)).distinct())
                .hasSizeGreaterThan(10);
    }

    @Test
    void fullJitterStaysBetweenZeroAndTheCeiling() {
        RandomGenerator random = new SplittableRandom(1);
        for (int retry = 1; retry <= 8; retry++) {
            long ceiling = backoff.ceiling(retry).toMillis();
            for (int i = 0; i < 500; i++) {
                assertThat(backoff.fullJitter(retry, random).toMillis()).isBetween(0L, ceiling);
            }
        }
    }

    @Test
    void refusesAMaxBelowTheInitialDelayOrAShrinkingMultiplier() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
