package dev.backchannel.desktop.commands;

import dev.backchannel.client.items.ConflictExplanation;
import dev.backchannel.client.receipts.Receipt;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.ErrorCode;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.Problem;
import java.time.Duration;
import java.util.Optional;

/** What commands and their outcomes say to a person: short, plain, no codes or stack traces. */
public final class CommandWording {

    private CommandWording() {
    }

    /** "create 'Buy milk'", "rename to 'Buy oat milk'", "mark done", "delete". */
    public static String action(Command command) {
        return switch (command.type()) {
            case CREATE -> "create '" + command.data().title() + "'";
            case DELETE -> "delete";
            case UPDATE -> command.data() != null && command.data().title() != null
                    ? "rename to '" + command.data().title() + "'"
                    : "mark " + (command.data() == null || command.data().status() == null ? "?"
                            : command.data().status().wireName());
        };
    }

    /** "Retrying in 2 s (attempt 3 of 6)". */
    public static String retrying(Duration delay, int nextAttempt, int maxAttempts) {
        long ms = delay.toMillis();
        String wait = ms < 1000 ? ms + " ms" : Math.round(ms / 1000.0) + " s";
        return "Retrying in " + wait + " (attempt " + nextAttempt + " of " + maxAttempts + ")";
    }

    /**
     * As {@link #failure(Receipt)}, but a lost conflict says who changed what, from the item as this
     * window knows it {@code now} ("Bob changed the title to 'Buy oat milk' first (now version 3)"),
     * when that already shows the change that won.
     */
    public static String failure(Receipt receipt, Optional<Item> now) {
        Command command = receipt.command();
        if (receipt.outcome() instanceof Frame.CommandFailed failed && failed.error() != null
                && failed.error().code() == ErrorCode.CONFLICT && command != null && command.expectedVersion() != null
                && now.isPresent() && now.get().version() != command.expectedVersion()) {
            return capitalised(ConflictExplanation.of(now.get(), command.data(), null))
                    + " — your change was not applied.";
        }
        return failure(receipt);
    }

    /** Why a command did not happen: the backend's message, with what it means for the user. */
    public static String failure(Receipt receipt) {
        if (receipt.outcome() instanceof Frame.CommandFailed failed) {
            String reason = capitalised(failed.message() != null ? failed.message() : "It failed");
            ErrorCode code = failed.error() != null ? failed.error().code() : null;
            String consequence = code == ErrorCode.CONFLICT ? " — your change was not applied."
                    : code == ErrorCode.PROCESSING_FAILED ? " — nothing was changed; try again."
                    : " — nothing was changed.";
            return reason + consequence;
        }
        if (receipt.problem() != null) {
            return "Not accepted: " + plain(receipt.problem());
        }
        return "No answer for '" + (receipt.command() != null ? action(receipt.command()) : receipt.commandId())
                + "' yet — it may still happen; the receipts panel will show it.";
    }

    private static String plain(Problem problem) {
        if (problem.status() == 429) {
            return "you are sending too fast; wait a moment.";
        }
        if (!problem.errors().isEmpty()) {
            Problem.FieldError first = problem.errors().get(0);
            return first.field() + " " + first.message();
        }
        return problem.detail() != null ? problem.detail() : problem.title();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
