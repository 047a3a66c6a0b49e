package dev.backchannel.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.client.http.QuerySide;
import dev.backchannel.client.items.ItemsView;
import dev.backchannel.client.receipts.CommandReceipts;
import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.client.receipts.StatusLookup;
import dev.backchannel.client.testing.FakeApi;
import dev.backchannel.client.testing.FakeApi.Answer;
import dev.backchannel.client.testing.FakeScheduler;
import dev.backchannel.client.testing.FakeTokens;
import dev.backchannel.client.testing.Frames;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandAccepted;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemStatus;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResyncTest {

    private final FakeApi query = FakeApi.start();
    private final FakeScheduler scheduler = new FakeScheduler();
    private final CommandReceipts receipts = new CommandReceipts(scheduler, Duration.ofSeconds(30), StatusLookup.none());
    private final ItemsView items = new ItemsView();
    private final AtomicReference<String> seenUpTo = new AtomicReference<>();
    private final Resync resync = new Resync(
            new QuerySide(HttpClient.newHttpClient(), query.url(), new FakeTokens(), Duration.ofSeconds(5)),
            items, receipts, seenUpTo::set);

    @AfterEach
    void stop() {
        query.close();
    }

    private Command accepted() {
        Command command = Command.create(Frames.uuid(), Frames.uuid(), "Buy milk", ItemStatus.TODO);
        receipts.track(command);
        receipts.accepted(CommandAccepted.of(command.commandId(), scheduler.now()));
        return command;
    }

    @Test
    void asksTheQuerySideForEveryPendingCommandAndSettlesTheProcessedOnes() throws Exception {
        Command processed = accepted();
        Command notYet = accepted();
        query.answer("GET", "/api/items", Answer.of(200, Frames.itemList(null)));
        query.answer("GET", "/api/commands/" + processed.commandId(),
                Answer.of(200, Frames.status(Frames.failed(8, processed.commandId()))));
        query.answer("GET", "/api/commands/" + notYet.commandId(), Answer.of(404));

        resync.run().get(5, TimeUnit.SECONDS);

        assertThat(receipts.get(processed.commandId()).orElseThrow().state()).isEqualTo(ReceiptState.FAILED);
        assertThat(receipts.get(notYet.commandId()).orElseThrow().state()).isEqualTo(ReceiptState.ACCEPTED);
        assertThat(query.received("GET", "/api/commands/" + notYet.commandId()).get(0).headers()
                .getFirst("Authorization")).isEqualTo("Bearer token-1");
    }

    @Test
    void doesNotAskAgainAboutSettledCommands() throws Exception {
        Command settled = accepted();
        receipts.onFrame(Frames.succeeded(3, settled.commandId()));
        query.answer("GET", "/api/items", Answer.of(200, Frames.itemList(null)));

        resync.run().get(5, TimeUnit.SECONDS);

        assertThat(query.received("GET", "/api/commands/" + settled.commandId())).isEmpty();
    }

    @Test
    void reloadsTheItemsAndNotesTheEventIdTheyInclude() throws Exception {
        Item item = Frames.item(Frames.uuid(), 2);
        query.answer("GET", "/api/items", Answer.of(200, Frames.itemList(Frames.eventId(42), item)));

        resync.run().get(5, TimeUnit.SECONDS);

        assertThat(items.items()).containsExactly(item);
        assertThat(seenUpTo.get()).isEqualTo(Frames.eventId(42));
    }
}
