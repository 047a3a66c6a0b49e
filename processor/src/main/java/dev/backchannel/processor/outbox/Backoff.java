package dev.backchannel.processor.outbox;

import java.time.Duration;

/** Exponential backoff: {@code initial}, twice that, four times ... never more than {@code max}. */
public record Backoff(Duration initial, Duration max) {

    /** The delay before the next attempt after {@code failures} consecutive failures (1 or more). */
    public Duration afterFailures(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - 1, 30);
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
