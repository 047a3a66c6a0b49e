package dev.backchannel.processor.messaging;

/** A message on the commands queue that is not a queued command; it goes to the dead-letter queue. */
public class UnreadableCommandException extends RuntimeException {

    private final String rawBody;
    private final String commandId;

    public UnreadableCommandException(String reason, String rawBody, String commandId) {
        super(reason);
        this.rawBody = rawBody;
        this.commandId = commandId;
    }

    /** The body as received, as text. */
    public String rawBody() {
        return rawBody;
    }

    /** The command id if the body names one, else null. */
    public String commandId() {
        return commandId;
    }
}
