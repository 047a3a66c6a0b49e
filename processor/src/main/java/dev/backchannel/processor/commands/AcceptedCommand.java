package dev.backchannel.processor.commands;

import dev.backchannel.schemas.QueuedCommand;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an outcome needs to know of a command api-command accepted: whose it is and what it named.
 * Read from a whole {@link QueuedCommand}, or salvaged from a body that is not one, so that even an
 * unreadable command gets its outcome when it still says whose it is.
 */
public record AcceptedCommand(String commandId, String entityId, String userId, Instant acceptedAt,
        String traceparent) {

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

    public static AcceptedCommand of(QueuedCommand queued) {
        return new AcceptedCommand(queued.command().commandId(), queued.command().entityId(), queued.userId(),
                queued.acceptedAt(), queued.traceparent());
    }

    /**
     * From the parts of an unreadable body, when they are ids the schemas allow (else nobody can be
     * told, and the message only goes to the dead-letter queue). {@code acceptedAt} may be null.
     */
    public static Optional<AcceptedCommand> salvage(String commandId, String entityId, String userId,
            Instant acceptedAt) {
        if (commandId == null || entityId == null || userId == null || !UUID.matcher(commandId).matches()
                || !UUID.matcher(entityId).matches() || !USER_ID.matcher(userId).matches()) {
            return Optional.empty();
        }
        return Optional.of(new AcceptedCommand(commandId, entityId, userId, acceptedAt, null));
    }
}
