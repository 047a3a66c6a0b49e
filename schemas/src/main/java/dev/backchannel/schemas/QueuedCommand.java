package dev.backchannel.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** Body of a message on {@link Addresses#COMMANDS}: the command, who sent it, when it was accepted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueuedCommand(Command command, String userId, Instant acceptedAt, String traceparent) {
}
