package dev.backchannel.client.receipts;

import dev.backchannel.schemas.CommandStatus;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Asks the query side for a command's outcome ({@code GET /api/commands/{id}}); empty while not processed. */
@FunctionalInterface
public interface StatusLookup {

    CompletableFuture<Optional<CommandStatus>> commandStatus(String commandId);

    /** Never finds anything: a timed-out receipt becomes unknown at once. */
    static StatusLookup none() {
        return commandId -> CompletableFuture.completedFuture(Optional.empty());
    }
}
