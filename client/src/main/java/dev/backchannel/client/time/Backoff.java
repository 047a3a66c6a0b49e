package dev.backchannel.client.time;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff: the ceiling before retry {@code n} (1-based) is
 * {@code initial * multiplier^(n-1)}, never above {@code max}. Two kinds of jitter spread clients
 * apart: {@link #jittered} (the ceiling times a factor in [0.5, 1.5), still capped at max) for
 * command retries, and {@link #fullJitter} (uniform in [0, ceiling]) for reconnects.
 */
public record Backoff(Duration initial, Duration max, double multiplier) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || multiplier < 1.0) {
            throw new IllegalArgumentException("need 0 < initial <= max and multiplier >= 1: " + this);
        }
    }

    /** The delay before retry {@code retry} (1 = the first retry) without jitter. */
    public Duration ceiling(int retry) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }

    /** The ceiling times a random factor in [0.5, 1.5), capped at {@code max}. */
    public Duration jittered(int retry, RandomGenerator random) {
        long millis = (long) (ceiling(retry).toMillis() * (0.5 + random.nextDouble()));
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** Uniform in [0, ceiling]: "full jitter", so reconnecting clients do not stampede. */
    public Duration fullJitter(int retry, RandomGenerator random) {
        return Duration.ofMillis(random.nextLong(ceiling(retry).toMillis() + 1));
    }
}
