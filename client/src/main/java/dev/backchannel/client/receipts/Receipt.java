package dev.backchannel.client.receipts;

import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandAccepted;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Problem;
import java.time.Instant;

/**
 * What this client knows about one command. {@code command} is null for a command sent from
 * another window of the same user (known only by its outcome frame); {@code accepted},
 * {@code outcome} and {@code problem} are null until known.
 */
public record Receipt(String commandId, Command command, ReceiptState state, CommandAccepted accepted,
        Frame.CommandOutcome outcome, Problem problem, Instant updatedAt) {

    static Receipt sending(Command command, Instant now) {
        return new Receipt(command.commandId(), command, ReceiptState.SENDING, null, null, null, now);
    }

    static Receipt settledElsewhere(Frame.CommandOutcome outcome, Instant now) {
        return new Receipt(outcome.commandId(), null, stateOf(outcome), null, outcome, null, now);
    }

    Receipt accepted(CommandAccepted answer, Instant now) {
        return new Receipt(commandId, command, ReceiptState.ACCEPTED, answer, outcome, problem, now);
    }

    Receipt settled(Frame.CommandOutcome frame, Instant now) {
        return new Receipt(commandId, command, stateOf(frame), accepted, frame, problem, now);
    }

    Receipt rejected(Problem refusal, Instant now) {
        return new Receipt(commandId, command, ReceiptState.REJECTED, accepted, outcome, refusal, now);
    }

    Receipt unknown(Instant now) {
        return new Receipt(commandId, command, ReceiptState.UNKNOWN, accepted, outcome, problem, now);
    }

    /** The message to show a person: the outcome's, the problem's, or the state. */
    public String message() {
        if (outcome instanceof Frame.CommandSucceeded succeeded) {
            return succeeded.message();
        }
        if (outcome instanceof Frame.CommandFailed failed) {
            return failed.message();
        }
        if (problem != null) {
            return problem.detail() != null ? problem.detail() : problem.title();
        }
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static ReceiptState stateOf(Frame.CommandOutcome outcome) {
        return outcome instanceof Frame.CommandSucceeded ? ReceiptState.SUCCEEDED : ReceiptState.FAILED;
    }
}
