package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.receipts.Receipt;
import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.ErrorCode;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Item;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alice with two windows and Bob watching the items, on the built jars. */
class MultiplayerTest {

    private static final Duration PUSH = Duration.ofSeconds(30);

    private final RunningSystem system = RunningSystem.get();
    private Window aliceLaptop;
    private Window alicePhone;
    private Window bob;

    @BeforeEach
    void openWindows() {
        aliceLaptop = Window.open(system, "alice");
        alicePhone = Window.open(system, "alice");
        bob = Window.open(system, "bob");
        // a change every window sees proves every window's items subscription is in place
        String warmUp = Commands.newEntityId();
        settle(aliceLaptop, Commands.create(warmUp, "Warm-up"));
        await().atMost(PUSH).until(() -> List.of(aliceLaptop, alicePhone, bob).stream()
                .allMatch(window -> !window.changesOf(warmUp).isEmpty()));
    }

    @AfterEach
    void closeWindows() {
        List.of(aliceLaptop, alicePhone, bob).forEach(Window::close);
    }

    @Test
    void shouldPushTheOutcomeToEveryWindowOfTheSenderAndTheChangeToWatchers() {
        String entityId = Commands.newEntityId();
        Command create = Commands.create(entityId, "Buy milk");

        Receipt receipt = settle(aliceLaptop, create);

        assertThat(receipt.state()).isEqualTo(ReceiptState.SUCCEEDED);
        await().atMost(PUSH).until(() -> aliceLaptop.outcomesOf(create.commandId()).size() == 1
                && alicePhone.outcomesOf(create.commandId()).size() == 1 && !bob.changesOf(entityId).isEmpty());
        assertThat(aliceLaptop.outcomesOf(create.commandId())).singleElement()
                .isInstanceOf(Frame.CommandSucceeded.class);
        Frame.CommandSucceeded succeeded = (Frame.CommandSucceeded) alicePhone.outcomesOf(create.commandId()).get(0);
        assertThat(succeeded.data().title()).isEqualTo("Buy milk");
        assertThat(succeeded.timing().pushedAt()).isAfterOrEqualTo(succeeded.timing().acceptedAt());
        Frame.EntityChanged changed = bob.changesOf(entityId).get(0);
        assertThat(changed.changedBy()).isEqualTo("alice");
        assertThat(changed.data().version()).isEqualTo(1);
        assertThat(bob.outcomesOf(create.commandId())).isEmpty();
        await().atMost(PUSH).until(() -> bob.client().items().get(entityId).isPresent());
        assertNoSchemaViolations();
    }

    @Test
    void shouldTellOnlyBobThatHisStaleEditConflicted() {
        String entityId = Commands.newEntityId();
        settle(aliceLaptop, Commands.create(entityId, "Plan trip"));
        await().atMost(PUSH).until(() -> bob.client().items().get(entityId).isPresent());
        settle(aliceLaptop, Commands.rename(entityId, 1, "Plan the trip"));

        Command staleEdit = Commands.rename(entityId, 1, "Plan a trip");
        Receipt bobs = settle(bob, staleEdit);

        assertThat(bobs.state()).isEqualTo(ReceiptState.FAILED);
        await().atMost(PUSH).until(() -> bob.outcomesOf(staleEdit.commandId()).size() == 1);
        Frame.CommandFailed failed = (Frame.CommandFailed) bob.outcomesOf(staleEdit.commandId()).get(0);
        assertThat(failed.error().code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(failed.message()).contains("alice");
        // a later command of alice reaching her windows proves bob's outcome would have arrived by now
        String marker = Commands.newEntityId();
        settle(aliceLaptop, Commands.create(marker, "Marker"));
        await().atMost(PUSH).until(() -> !alicePhone.changesOf(marker).isEmpty());
        assertThat(aliceLaptop.outcomesOf(staleEdit.commandId())).isEmpty();
        assertThat(alicePhone.outcomesOf(staleEdit.commandId())).isEmpty();

        Item stored = new QuerySideProbe(system, "bob").item(entityId).orElseThrow();
        assertThat(stored.title()).isEqualTo("Plan the trip");
        assertThat(stored.version()).isEqualTo(2);
        assertThat(new QuerySideProbe(system, "bob").commandStatusCode(staleEdit.commandId())).isEqualTo(200);
        assertThat(new QuerySideProbe(system, "alice").commandStatusCode(staleEdit.commandId())).isEqualTo(404);
        assertNoSchemaViolations();
    }

    private static Receipt settle(Window window, Command command) {
        return window.client().submit(command).settled().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS)
                .join();
    }

    private void assertNoSchemaViolations() {
        for (Window window : List.of(aliceLaptop, alicePhone, bob)) {
            assertThat(window.schemaViolations()).isEmpty();
        }
    }
}
