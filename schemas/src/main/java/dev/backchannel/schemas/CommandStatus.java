package dev.backchannel.schemas;

/** Answer of {@code GET /api/commands/{commandId}} once the command was processed. */
public record CommandStatus(String commandId, String status, Frame outcome) {

    public static CommandStatus of(Frame.CommandOutcome outcome) {
        String status = outcome instanceof Frame.CommandSucceeded ? "succeeded" : "failed";
        return new CommandStatus(outcome.commandId(), status, outcome);
    }
}
