package dev.backchannel.client.http;

import dev.backchannel.schemas.Problem;

/** {@code POST /api/commands} answered 4xx (not 429): the command was not accepted, and never will be. */
public final class CommandRejectedException extends ProblemException {

    private final String commandId;

    public CommandRejectedException(String commandId, Problem problem) {
        super("command " + commandId + " rejected", problem);
        this.commandId = commandId;
    }

    public String commandId() {
        return commandId;
    }
}
