package dev.backchannel.desktop.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.time.Scheduler;
import dev.backchannel.desktop.session.SessionOpener;
import dev.backchannel.desktop.session.UserSession;
import dev.backchannel.desktop.testing.FakeBackchannel;
import dev.backchannel.desktop.testing.RecordingToasts;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemFields;
import dev.backchannel.schemas.ItemStatus;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandFeedbackTest {

    private final FakeBackchannel system = FakeBackchannel.start();
    private final RecordingToasts toasts = new RecordingToasts();
    private UserSession alice;

    @BeforeEach
    void signIn() {
        alice = SessionOpener.using(system.gateway(), Scheduler.system()).open(system.config("alice"));
        new CommandFeedback(alice.client(), toasts, Runnable::run);
    }

    @AfterEach
    void stop() {
        alice.close();
        system.close();
    }

    @Test
    void processedCommandShowsAGreenToastWithTheBackendsMessage() {
        alice.client().submit(Command.create(null, UUID.randomUUID().toString(), "Buy milk", ItemStatus.TODO));

        await().until(() -> toasts.shown().contains("success: Created 'Buy milk'"));
    }

    @Test
    void staleEditShowsARedToastSayingWhoChangedTheItemFirst() {
        Item milk = system.items().seed("Buy milk", "carol");
        system.items().changeQuietly(milk.id(), "Buy oat milk", "bob");

        alice.client().submit(Command.update(null, milk.id(), 1, new ItemFields("Buy soy milk", null)));

        await().until(() -> toasts.shown().contains("failure: Bob changed this item first — your change was not applied."));
    }

    @Test
    void staleEditOfAChangeThisWindowHasSeenSaysWhoChangedWhat() {
        Item milk = system.items().seed("Buy milk", "carol");
        try (UserSession bob = SessionOpener.using(system.gateway(), Scheduler.system()).open(system.config("bob"))) {
            bob.client().submit(Command.update(null, milk.id(), 1, new ItemFields("Buy oat milk", null))).settled().join();
            await().until(() -> alice.client().items().get(milk.id()).map(Item::version).orElse(0L) == 2);

            alice.client().submit(Command.update(null, milk.id(), 1, new ItemFields("Buy soy milk", null)));

            await().until(() -> toasts.shown().contains(
                    "failure: Bob changed the title to 'Buy oat milk' first (now version 2) — your change was not applied."));
        }
    }

    @Test
    void retryShowsANeutralToastWithTheAttempt() {
        system.failNextCommandPosts(503);

        alice.client().submit(Command.create(null, UUID.randomUUID().toString(), "Buy milk", ItemStatus.TODO));

        await().until(() -> toasts.shown().contains("success: Created 'Buy milk'"));
        assertThat(toasts.shown()).anyMatch(t -> t.matches("info: Retrying in \\d+ ms \\(attempt 2 of 4\\)"));
    }

    @Test
    void refusedCommandShowsARedToastWithTheProblemInPlainWords() {
        system.failNextCommandPosts(400);

        alice.client().submit(Command.create(null, UUID.randomUUID().toString(), "", ItemStatus.TODO));

        await().until(() -> toasts.shown().contains("failure: Not accepted: title must be 1 to 200 characters"));
    }
}
