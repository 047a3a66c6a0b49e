package dev.backchannel.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.http.CommandRejectedException;
import dev.backchannel.client.receipts.Receipt;
import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.client.testing.FakeApi;
import dev.backchannel.client.testing.FakeApi.Answer;
import dev.backchannel.client.testing.FakeConnector;
import dev.backchannel.client.testing.FakeScheduler;
import dev.backchannel.client.testing.Frames;
import dev.backchannel.client.time.Backoff;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandAccepted;
import dev.backchannel.schemas.ItemStatus;
import dev.backchannel.schemas.Json;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackchannelClientTest {

    private final FakeApi api = FakeApi.start();
    private final FakeConnector gateway = new FakeConnector();
    private final FakeScheduler scheduler = new FakeScheduler();
    private BackchannelClient client;

    @BeforeEach
    void connect() {
        api.answer("GET", "/api/items", Answer.of(200, Frames.itemList(Frames.eventId(10))));
        ClientConfig config = ClientConfig.forUser("alice").withApiUrl(api.url()).withQueryUrl(api.url())
                .withSocketUrl(URI.create("ws://gateway.test/ws"))
                .withCommandRetries(new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), 2.0), 4);
        client = BackchannelClient.connect(config, scheduler, gateway);
    }

    @AfterEach
    void close() {
        client.close();
        api.close();
    }

    private static Command create() {
        return Command.create(Frames.uuid(), Frames.uuid(), "Buy milk", ItemStatus.TODO);
    }

    private void accepting(Command command) {
        api.answer("POST", "/api/commands",
                Answer.of(202, Json.write(CommandAccepted.of(command.commandId(), Frames.AT))));
    }

    @Test
    void signsInThenSubscribesItemsAndResumesTheSocketFromTheLoadedList() {
        assertThat(api.received("POST", "/api/sessions")).hasSize(1);
        assertThat(gateway.last().token).isEqualTo(FakeApi.TOKEN);
        assertThat(gateway.last().sent).containsExactly(
                "{\"type\":\"subscribe\",\"topic\":\"items\"}",
                "{\"type\":\"resume\",\"lastEventId\":\"" + Frames.eventId(10) + "\"}");
    }

    @Test
    void aSubmittedCommandSettlesWhenItsOutcomeFrameArrives() throws Exception {
        Command command = create();
        accepting(command);

        Submission submission = client.submit(command);
        submission.accepted().get(5, TimeUnit.SECONDS);
        await().until(() -> client.receipts().get(command.commandId()).orElseThrow().state() == ReceiptState.ACCEPTED);
        gateway.last().server.onText(Frames.json(Frames.succeeded(11, command.commandId())));

        Receipt receipt = submission.settled().get(5, TimeUnit.SECONDS);
        assertThat(receipt.state()).isEqualTo(ReceiptState.SUCCEEDED);
        assertThat(receipt.message()).isEqualTo("Created 'Buy milk'");
    }

    @Test
    void givesACommandWithoutIdAFreshOne() {
        Command command = create().withCommandId(null);
        api.answer("POST", "/api/commands", Answer.of(500));

        Submission submission = client.submit(command);

        assertThat(submission.commandId()).matches("[0-9a-f-]{36}");
        assertThat(client.receipts().get(submission.commandId())).isPresent();
    }

    @Test
    void aRejectedCommandFailsItsAcceptedFutureAndSettlesRejected() throws Exception {
        api.answer("POST", "/api/commands", Answer.of(422,
                "{\"type\":\"about:blank\",\"title\":\"Unprocessable\",\"status\":422,\"detail\":\"commandId reused\"}"));

        Submission submission = client.submit(create());

        assertThat(submission.settled().get(5, TimeUnit.SECONDS).state()).isEqualTo(ReceiptState.REJECTED);
        assertThatThrownBy(() -> submission.accepted().get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(CommandRejectedException.class);
    }

    @Test
    void aResetFallsBackToTheQuerySideForEveryPendingCommand() throws Exception {
        Command processed = create();
        accepting(processed);
        client.submit(processed).accepted().get(5, TimeUnit.SECONDS);
        await().until(() -> client.receipts().get(processed.commandId()).orElseThrow().state() == ReceiptState.ACCEPTED);
        api.answer("GET", "/api/commands/" + processed.commandId(),
                Answer.of(200, Frames.status(Frames.succeeded(20, processed.commandId()))));
        api.answer("GET", "/api/items", Answer.of(200, Frames.itemList(Frames.eventId(30),
                Frames.item(Frames.uuid(), 1))));

        gateway.last().server.onText(Frames.reset());

        await().atMost(Duration.ofSeconds(5)).until(
                () -> client.receipts().get(processed.commandId()).orElseThrow().state() == ReceiptState.SUCCEEDED);
        await().atMost(Duration.ofSeconds(5)).until(() -> client.items().items().size() == 1);
        assertThat(client.socket().lastEventId()).isEqualTo(Frames.eventId(30));
    }
}
