package dev.backchannel.client.time;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the client waits: every backoff, reconnect delay and receipt timeout goes through one
 * scheduler, so tests drive time with a fake one instead of sleeping.
 */
public interface Scheduler {

    /** Runs {@code task} once after {@code delay}; tasks must be short (they start async work). */
    Cancellable schedule(Duration delay, Runnable task);

    /** The current instant on this scheduler's clock. */
    Instant now();

    /** A scheduled task that has not run yet may be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** The real clock, with one daemon thread that runs the tasks. */
    static Scheduler system() {
        return new SystemScheduler();
    }
}
