package dev.backchannel.client.http;

/**
 * Every attempt failed with a retryable answer or a network error. An earlier attempt may still
 * have reached the broker (a 500 can come after the command was enqueued), so the command's fate
 * is unknown until the query side or a socket frame says otherwise.
 */
public final class RetriesExhaustedException extends RuntimeException {

    private final String commandId;
    private final int attempts;
    private final int lastStatus;

    public RetriesExhaustedException(String commandId, int attempts, int lastStatus, Throwable cause) {
        super("command " + commandId + " not confirmed after " + attempts + " attempt(s), last "
                + (lastStatus == 0 ? "without answer" : "status " + lastStatus), cause);
        this.commandId = commandId;
        this.attempts = attempts;
        this.lastStatus = lastStatus;
    }

    public String commandId() {
        return commandId;
    }

    public int attempts() {
        return attempts;
    }

    /** The HTTP status of the last attempt, 0 when it got no answer. */
    public int lastStatus() {
        return lastStatus;
    }
}
