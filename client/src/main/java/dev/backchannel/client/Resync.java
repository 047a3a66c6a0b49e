package dev.backchannel.client;

import dev.backchannel.client.http.QuerySide;
import dev.backchannel.client.items.ItemsView;
import dev.backchannel.client.receipts.CommandReceipts;
import dev.backchannel.client.receipts.Receipt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Catches up through the query side when the socket cannot: reloads the items
 * ({@code GET /api/items}) and asks {@code GET /api/commands/{id}} for every receipt not yet
 * settled; a 404 leaves it pending (the receipt timeout still bounds it).
 */
public final class Resync {

    private final QuerySide query;
    private final ItemsView items;
    private final CommandReceipts receipts;
    private final Consumer<String> seenUpTo;

    /** {@code seenUpTo} is told the {@code lastEventId} the reloaded list includes. */
    public Resync(QuerySide query, ItemsView items, CommandReceipts receipts, Consumer<String> seenUpTo) {
        this.query = query;
        this.items = items;
        this.receipts = receipts;
        this.seenUpTo = seenUpTo;
    }

    public CompletableFuture<Void> run() {
        List<CompletableFuture<?>> steps = new ArrayList<>();
        steps.add(query.items().thenAccept(list -> {
            items.reload(list);
            seenUpTo.accept(list.lastEventId());
        }));
        for (Receipt receipt : receipts.unsettled()) {
            steps.add(query.commandStatus(receipt.commandId()).thenAccept(status -> status.ifPresent(receipts::onStatus)));
        }
        return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new));
    }
}
