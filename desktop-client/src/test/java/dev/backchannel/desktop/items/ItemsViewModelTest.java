package dev.backchannel.desktop.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.time.Scheduler;
import dev.backchannel.desktop.session.SessionOpener;
import dev.backchannel.desktop.session.UserSession;
import dev.backchannel.desktop.testing.FakeBackchannel;
import dev.backchannel.desktop.testing.ManualScheduler;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandType;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ItemsViewModelTest {

    private final FakeBackchannel system = FakeBackchannel.start();
    private final ManualScheduler highlights = new ManualScheduler();
    private final List<UserSession> sessions = new ArrayList<>();

    @AfterEach
    void stop() {
        sessions.forEach(UserSession::close);
        system.close();
    }

    private ItemsViewModel signIn(String user) {
        UserSession session = SessionOpener.using(system.gateway(), Scheduler.system()).open(system.config(user));
        sessions.add(session);
        ItemsViewModel model = new ItemsViewModel(session.client(), user, Runnable::run, highlights, Duration.ofSeconds(3));
        await().until(() -> system.gateway().sockets().size() == sessions.size());
        return model;
    }

    @Test
    void showsTheItemsThatExistWhenSignedIn() {
        system.items().seed("Buy milk", "carol");

        ItemsViewModel alice = signIn("alice");

        assertThat(alice.rows()).extracting(ItemRow::title).containsExactly("Buy milk");
        assertThat(alice.rows().get(0).highlightedProperty().get()).isFalse();
    }

    @Test
    void createdItemAppearsHighlightedAsCreatedByYou() {
        ItemsViewModel alice = signIn("alice");
        alice.newTitleProperty().set("  Buy milk ");
        alice.newStatusProperty().set(ItemStatus.DOING);

        assertThat(alice.create()).isPresent();

        await().until(() -> alice.rows().size() == 1);
        ItemRow row = alice.rows().get(0);
        assertThat(row.title()).isEqualTo("Buy milk");
        assertThat(row.status()).isEqualTo(ItemStatus.DOING);
        assertThat(row.lastChangeProperty().get()).isEqualTo("you created it");
        assertThat(row.highlightedProperty().get()).isTrue();
        assertThat(alice.newTitleProperty().get()).isEmpty();
    }

    @Test
    void blankTitleCreatesNothing() {
        ItemsViewModel alice = signIn("alice");
        alice.newTitleProperty().set("   ");

        assertThat(alice.canCreateProperty().get()).isFalse();
        assertThat(alice.create()).isEmpty();
        assertThat(system.commands()).isEmpty();
    }

    @Test
    void changeByAnotherUserIsHighlightedWithTheirNameAndFadesAfterAWhile() {
        Item milk = system.items().seed("Buy milk", "carol");
        ItemsViewModel alice = signIn("alice");
        ItemsViewModel bob = signIn("bob");

        bob.rename(bob.rows().get(0), "Buy oat milk");

        await().until(() -> alice.rows().get(0).title().equals("Buy oat milk"));
        ItemRow row = alice.rows().get(0);
        assertThat(row.id()).isEqualTo(milk.id());
        assertThat(row.version()).isEqualTo(2);
        assertThat(row.lastChangeProperty().get()).isEqualTo("bob renamed it");
        assertThat(row.highlightedProperty().get()).isTrue();
        assertThat(highlights.delays()).contains(Duration.ofSeconds(3));

        highlights.runPending();

        assertThat(row.highlightedProperty().get()).isFalse();
        assertThat(row.lastChangeProperty().get()).isEqualTo("bob renamed it");
    }

    @Test
    void editsSendTheRowsVersionAsExpectedVersion() {
        system.items().seed("Buy milk", "carol");
        ItemsViewModel alice = signIn("alice");
        ItemRow row = alice.rows().get(0);

        alice.changeStatus(row, ItemStatus.DONE);
        await().until(() -> row.version() == 2);
        alice.delete(row);

        await().until(() -> system.commands().size() == 2);
        assertThat(system.commands()).extracting(Command::type, Command::expectedVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CommandType.UPDATE, 1L),
                        org.assertj.core.groups.Tuple.tuple(CommandType.DELETE, 2L));
    }

    @Test
    void deletedItemIsMarkedWithWhoDeletedItThenRemoved() {
        system.items().seed("Buy milk", "carol");
        ItemsViewModel alice = signIn("alice");
        ItemsViewModel bob = signIn("bob");

        bob.delete(bob.rows().get(0));

        await().until(() -> alice.rows().get(0).deletedProperty().get()
                && alice.rows().get(0).lastChangeProperty().get().equals("bob deleted it"));
        highlights.runPending();
        assertThat(alice.rows()).isEmpty();
    }

    @Test
    void renameToTheSameTitleSendsNothing() {
        system.items().seed("Buy milk", "carol");
        ItemsViewModel alice = signIn("alice");

        assertThat(alice.rename(alice.rows().get(0), " Buy milk ")).isEmpty();
        assertThat(system.commands()).isEmpty();
    }

    @Test
    void selectingARowOffersItsTitleForEditingAndRenamesIt() {
        system.items().seed("Buy milk", "carol");
        ItemsViewModel alice = signIn("alice");
        assertThat(alice.hasSelectionProperty().get()).isFalse();

        alice.selectedProperty().set(alice.rows().get(0));
        assertThat(alice.editTitleProperty().get()).isEqualTo("Buy milk");
        alice.editTitleProperty().set("Buy oat milk");
        alice.renameSelected();

        await().until(() -> system.commands().size() == 1);
        assertThat(system.commands().get(0).data().title()).isEqualTo("Buy oat milk");
        alice.selectedProperty().set(null);
        assertThat(alice.editTitleProperty().get()).isEmpty();
        assertThat(alice.deleteSelected()).isEmpty();
    }
}
