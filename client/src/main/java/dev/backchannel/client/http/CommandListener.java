package dev.backchannel.client.http;

import dev.backchannel.schemas.CommandAccepted;
import dev.backchannel.schemas.Problem;
import java.time.Duration;

/**
 * What happens while one command is being sent, so a UI can show "retrying in 2 s (attempt 3 of
 * 6)". Called from HTTP and scheduler threads; implementations hand work to their own thread.
 */
public interface CommandListener {

    /** An attempt got an answer, or failed without one. */
    default void onAttempt(Attempt attempt) {
    }

    /** The next attempt, {@code nextAttempt} of {@code maxAttempts}, starts after {@code delay}. */
    default void onRetryScheduled(String commandId, Duration delay, int nextAttempt, int maxAttempts) {
    }

    /** {@code 202}: the broker has the command. */
    default void onAccepted(CommandAccepted accepted, int attempts) {
    }

    /** A 4xx other than 429: the command was not taken and sending it again would not help. */
    default void onRejected(String commandId, Problem problem) {
    }

    /** No more attempts; whether an earlier attempt was accepted is unknown. */
    default void onGaveUp(String commandId, int attempts, Throwable lastError) {
    }
}
