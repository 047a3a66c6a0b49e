package dev.backchannel.client.http;

/**
 * One try at {@code POST /api/commands}: its number (1-based) of at most {@code maxAttempts}, and
 * what came back: an HTTP {@code status}, or 0 with the {@code error} when no answer came.
 */
public record Attempt(String commandId, int number, int maxAttempts, int status, Throwable error) {

    public boolean answered() {
        return error == null;
    }
}
