package dev.backchannel.processor.messaging;

import dev.backchannel.processor.commands.AcceptedCommand;
import java.util.Optional;

/** A message on the commands queue that is not a queued command; it goes to the dead-letter queue. */
public class UnreadableCommandException extends RuntimeException {

    private final String rawBody;
    private final String commandId;
    private final AcceptedCommand salvaged;

    public UnreadableCommandException(String reason, String rawBody, String commandId, AcceptedCommand salvaged) {
        super(reason);
        this.rawBody = rawBody;
        this.commandId = commandId;
        this.salvaged = salvaged;
    }

    /** The body as received, as text. */
    public String rawBody() {
        return rawBody;
    }

    /** The command id if the body names one, else null. */
    public String commandId() {
        return commandId;
    }

    /** Whose command it was and what it named, when the body still says so validly: it gets an outcome. */
    public Optional<AcceptedCommand> salvaged() {
        return Optional.ofNullable(salvaged);
    }
}
