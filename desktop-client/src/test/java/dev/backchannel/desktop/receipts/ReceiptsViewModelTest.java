package dev.backchannel.desktop.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.client.time.Scheduler;
import dev.backchannel.desktop.session.SessionOpener;
import dev.backchannel.desktop.session.UserSession;
import dev.backchannel.desktop.testing.FakeBackchannel;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.ItemStatus;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReceiptsViewModelTest {

    private final FakeBackchannel system = FakeBackchannel.start();
    private final SessionOpener opener = SessionOpener.using(system.gateway(), Scheduler.system());
    private final UserSession alice = opener.open(system.config("alice"));

    @AfterEach
    void stop() {
        alice.close();
        system.close();
    }

    @Test
    void processedCommandShowsItsWholeTimeline() {
        ReceiptsViewModel model = new ReceiptsViewModel(alice.client(), Runnable::run, ZoneOffset.UTC);

        alice.client().submit(Command.create(null, UUID.randomUUID().toString(), "Buy milk", ItemStatus.TODO));

        await().until(() -> model.rows().size() == 1
                && model.rows().get(0).stateProperty().get() == ReceiptState.SUCCEEDED);
        ReceiptRow row = model.rows().get(0);
        assertThat(row.actionProperty().get()).isEqualTo("create 'Buy milk'");
        assertThat(row.timelineProperty().get())
                .matches("sent \\d\\d:\\d\\d:\\d\\d\\.\\d{3} · accepted \\+.* · processed \\+.* · pushed \\+.*");
        assertThat(row.messageProperty().get()).isEqualTo("Created 'Buy milk'");
    }

    @Test
    void retriedCommandShowsOnWhichAttemptItWasAccepted() {
        ReceiptsViewModel model = new ReceiptsViewModel(alice.client(), Runnable::run, ZoneOffset.UTC);
        system.failNextCommandPosts(500, 503);

        alice.client().submit(Command.create(null, UUID.randomUUID().toString(), "Buy milk", ItemStatus.TODO));

        // the 202 of attempt 3 and the pushed outcome race each other: wait for both
        await().until(() -> model.rows().size() == 1
                && model.rows().get(0).stateProperty().get() == ReceiptState.SUCCEEDED
                && model.rows().get(0).attemptsProperty().get().equals("accepted on attempt 3"));
    }

    @Test
    void commandFromAnotherWindowOfTheSameUserIsListedAsSuch() {
        ReceiptsViewModel model = new ReceiptsViewModel(alice.client(), Runnable::run, ZoneOffset.UTC);
        UserSession otherWindow = opener.open(system.config("alice"));
        try {
            await().until(() -> system.gateway().sockets().size() == 2);
            otherWindow.client().submit(Command.create(null, UUID.randomUUID().toString(), "Buy milk", ItemStatus.TODO));

            await().until(() -> model.rows().size() == 1);
            assertThat(model.rows().get(0).actionProperty().get()).isEqualTo("from another window");
            assertThat(model.rows().get(0).stateProperty().get()).isEqualTo(ReceiptState.SUCCEEDED);
        } finally {
            otherWindow.close();
        }
    }
}
