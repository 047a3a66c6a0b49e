package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.desktop.items.ItemRow;
import dev.backchannel.schemas.Command;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import atlantafx.base.controls.ToggleSwitch;
import dev.backchannel.schemas.ChaosFlags;
import java.time.Duration;
import javafx.scene.Parent;
import javafx.scene.control.Slider;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The desktop client against the built jars: its real windows (TestFX, headless Monocle) signed in
 * through their own form to the {@link RunningSystem}, creating and editing items as Alice and Bob,
 * with a client-library user (Carol) editing in between.
 */
class DesktopTwoUsersTest {

    private final RunningSystem system = RunningSystem.get();
    private DesktopWindows desktop;

    @BeforeEach
    void openSignIn() {
        desktop = DesktopWindows.open(system);
    }

    @AfterEach
    void closeWindows() {
        desktop.close();
    }

    @Test
    void shouldShowTheCreatorASuccessToastAndTheOtherWindowsUserTheNewItem() {
        Parent alice = desktop.signIn("alice");
        desktop.robot().clickOn(desktop.in(alice, "#newWindow"));
        Parent bob = desktop.signIn("bob");
        String title = unique("Buy milk");

        desktop.create(alice, title);

        desktop.awaitToast(alice, "toast-success", "Created '" + title + "'");
        ItemRow bobsRow = desktop.awaitRow(bob, title);
        assertThat(bobsRow.version()).isEqualTo(1);
        assertThat(bobsRow.updatedByProperty().get()).isEqualTo("alice");
        await().atMost(DesktopWindows.WAIT).until(() -> "alice created it".equals(bobsRow.lastChangeProperty().get()));
        assertThat(desktop.hasToast(bob, "toast-success", title)).as("the outcome goes to alice's windows only").isFalse();
        ItemRow stored = desktop.awaitRow(alice, title);
        assertThat(new QuerySideProbe(system, "bob").item(stored.id())).hasValueSatisfying(
                item -> assertThat(item.title()).isEqualTo(title));
    }

    @Test
    void shouldSignInOncePerWindow() {
        double before = sessionsAnswered();

        Parent dave = desktop.signIn("dave");
        desktop.showChaosTab(dave);
        await().atMost(DesktopWindows.WAIT).ignoreExceptions()
                .until(() -> desktop.text(dave, "#chaosStatus").startsWith("Live"));

        assertThat(sessionsAnswered() - before).isEqualTo(1);
    }

    @Test
    void shouldShowAChaosChangeMadeByAnotherUserInTheChaosPanel() {
        Parent alice = desktop.signIn("alice");
        desktop.showChaosTab(alice);
        // the panel's nodes are in the scene once its tab has been shown
        await().atMost(DesktopWindows.WAIT).ignoreExceptions()
                .until(() -> desktop.text(alice, "#chaosStatus").startsWith("Live"));
        ChaosSwitch operator = new ChaosSwitch(system);
        try {
            // a harmless change: a slightly longer queue delay range than the suite's calm one
            operator.set(ChaosFlags.calm(70, 230));

            await().atMost(Duration.ofSeconds(10)).until(() -> ((Slider) desktop.in(alice, "#chaos-delayMin")).getValue() == 70
                    && ((Slider) desktop.in(alice, "#chaos-delayMax")).getValue() == 230);
            assertThat(desktop.text(alice, "#chaosStatus")).startsWith("Changed elsewhere");
            assertThat(((ToggleSwitch) desktop.in(alice, "#chaos-apiErrorRate")).isSelected()).isFalse();
        } finally {
            operator.set(ChaosSwitch.CALM);
        }
    }

    @Test
    void shouldShowWhoElseIsOnTheSelectedItemAndWhatTheyEdit() {
        Parent alice = desktop.signIn("alice");
        desktop.robot().clickOn(desktop.in(alice, "#newWindow"));
        Parent bob = desktop.signIn("bob");
        String title = unique("Paint the fence");
        desktop.create(alice, title);
        ItemRow alicesRow = desktop.awaitRow(alice, title);
        ItemRow bobsRow = desktop.awaitRow(bob, title);
        assertThat(desktop.text(alice, "#presence")).startsWith("Select an item");

        desktop.robot().interact(() -> desktop.items(alice).getSelectionModel().select(alicesRow));
        await().atMost(DesktopWindows.WAIT).until(() -> desktop.text(alice, "#presence").equals("Nobody else is on this item"));
        desktop.robot().interact(() -> desktop.items(bob).getSelectionModel().select(bobsRow));
        await().atMost(DesktopWindows.WAIT).until(() -> desktop.text(alice, "#presence").equals("Also here: bob is looking"));
        await().atMost(DesktopWindows.WAIT).until(() -> desktop.text(bob, "#presence").equals("Also here: alice is looking"));

        desktop.focus(bob);
        desktop.robot().clickOn(desktop.in(bob, "#editTitle"));
        await().atMost(DesktopWindows.WAIT)
                .until(() -> desktop.text(alice, "#presence").equals("Also here: bob is editing the title"));

        desktop.robot().interact(() -> desktop.items(bob).getSelectionModel().clearSelection());
        await().atMost(DesktopWindows.WAIT).until(() -> desktop.text(alice, "#presence").equals("Nobody else is on this item"));
    }

    private double sessionsAnswered() {
        return MetricsScrape.of(system, Service.API_COMMAND).value("http_server_requests_seconds_count",
                "uri=\"/api/sessions\"");
    }

    @Test
    void shouldShowAFailureToastSayingWhoWasFirstWhenAnEditIsStale() {
        Parent bob = desktop.signIn("bob");
        String title = unique("Plan trip");
        desktop.create(bob, title);
        ItemRow row = desktop.awaitRow(bob, title);
        try (Window carol = Window.open(system, "carol")) {
            await().atMost(DesktopWindows.WAIT).until(() -> carol.client().items().get(row.id()).isPresent());
            desktop.robot().interact(() -> desktop.items(bob).getSelectionModel().select(row));
            desktop.robot().interact(() -> ((TextField) desktop.in(bob, "#editTitle")).setText(title + " (bob)"));

            // Carol's rename is applied while Bob's window still shows version 1: the window hears of it
            // only through the FX thread, which this blocks until Bob has pressed Rename on the old row.
            desktop.robot().interact(() -> {
                var carols = carol.client().submit(Commands.rename(row.id(), 1, title + " (carol)")).settled()
                        .orTimeout(60, TimeUnit.SECONDS).join();
                assertThat(carols.state()).isEqualTo(ReceiptState.SUCCEEDED);
                assertThat(row.version()).isEqualTo(1);
                ((Button) desktop.in(bob, "#rename")).fire();
            });

            desktop.awaitToast(bob, "toast-failure", "Carol changed the title to '" + title + " (carol)' first (now version 2)");
            await().atMost(DesktopWindows.WAIT).until(() -> row.title().equals(title + " (carol)"));
            assertThat(row.version()).isEqualTo(2);
        }
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
