package dev.backchannel.desktop.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import atlantafx.base.controls.Notification;
import dev.backchannel.client.time.Scheduler;
import dev.backchannel.desktop.session.SessionOpener;
import dev.backchannel.desktop.testing.FakeBackchannel;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.Json;
import java.time.Duration;
import java.util.concurrent.ForkJoinPool;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Drives the real windows in headless Monocle against a fake system (HTTP server and gateway in this process). */
class DesktopWindowsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final FxRobot robot = new FxRobot();
    private FakeBackchannel system;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(Windows::applyTheme);
    }

    @BeforeEach
    void openSignIn() throws Exception {
        system = FakeBackchannel.start();
        Windows windows = new Windows(SessionOpener.using(system.gateway(), Scheduler.system()), Scheduler.system(),
                ForkJoinPool.commonPool(), new Windows.Timings(Duration.ofSeconds(30), Duration.ofSeconds(3)));
        FxToolkit.setupFixture(() -> windows.openSignIn(system.config("anyone"), ""));
    }

    @AfterEach
    void closeEverything() throws Exception {
        FxToolkit.cleanupStages();
        system.close();
    }

    @Test
    void signingInAndCreatingAnItemShowsTheSuccessToast() {
        Parent alice = signIn("alice");

        robot.clickOn(in(alice, "#newTitle")).write("Buy milk");
        robot.clickOn(in(alice, "#addItem"));

        awaitToast(alice, "toast-success", "Created 'Buy milk'");
        await().atMost(WAIT).ignoreExceptions().until(() -> items(alice).getItems().size() == 1);
        assertThat(((Label) in(alice, "#connection")).getText()).isEqualTo("Connected");
    }

    @Test
    void staleEditShowsTheFailureToastSayingWhoWasFirst() {
        Item milk = system.items().seed("Buy milk", "carol");
        Parent alice = signIn("alice");
        system.items().changeQuietly(milk.id(), "Buy oat milk", "bob");

        robot.interact(() -> items(alice).getSelectionModel().select(0));
        robot.interact(() -> ((TextField) in(alice, "#editTitle")).setText("Buy soy milk"));
        robot.clickOn(in(alice, "#rename"));

        awaitToast(alice, "toast-failure", "Bob changed this item first");
    }

    @Test
    void secondWindowOfAnotherUserSeesTheChange() {
        Parent alice = signIn("alice");
        robot.clickOn(in(alice, "#newWindow"));
        Parent bob = signIn("bob");

        robot.clickOn(in(bob, "#newTitle")).write("Buy bread");
        robot.clickOn(in(bob, "#addItem"));

        await().atMost(WAIT).ignoreExceptions().until(() -> items(alice).getItems().size() == 1);
        var row = items(alice).getItems().get(0);
        assertThat(row).extracting(r -> ((dev.backchannel.desktop.items.ItemRow) r).title()).isEqualTo("Buy bread");
        assertThat(((dev.backchannel.desktop.items.ItemRow) row).lastChangeProperty().get()).isEqualTo("bob created it");
        awaitToast(bob, "toast-success", "Created 'Buy bread'");
    }

    @Test
    void newWindowsOpenAStepDownAndRightOfTheLastInsteadOfOnTopOfIt() {
        Parent alice = signIn("alice");
        javafx.stage.Stage alices = (javafx.stage.Stage) alice.getScene().getWindow();

        robot.clickOn(in(alice, "#newWindow"));
        await().atMost(WAIT).ignoreExceptions().until(() -> window("Backchannel — sign in") != null);
        Window signInForBob = window("Backchannel — sign in");
        assertThat(signInForBob.getX()).isEqualTo(alices.getX() + 40);
        assertThat(signInForBob.getY()).isEqualTo(alices.getY() + 40);
        Parent bob = signIn("bob");

        Window bobs = bob.getScene().getWindow();
        assertThat(bobs.getX()).as("bob's window takes the place of his sign-in").isEqualTo(signInForBob.getX());
        assertThat(bobs.getY()).isEqualTo(signInForBob.getY());
    }

    @Test
    void togglingAChaosFlagSendsTheFlagsToTheServer() {
        Parent alice = signIn("alice");
        await().atMost(WAIT).ignoreExceptions().until(() -> ((Label) in(alice, "#chaosStatus")).getText().startsWith("Live"));

        robot.clickOn(in(alice, "#chaosTab"));
        robot.clickOn(in(alice, "#chaos-apiErrorRate"));

        await().atMost(WAIT).ignoreExceptions().until(() -> !system.chaosPuts().isEmpty());
        assertThat(Json.read(system.chaosPuts().get(0), ChaosFlags.class).apiErrorRate()).isEqualTo(0.2);
    }

    /** Fills in the open sign-in window and waits for the user's window; returns its root. */
    private Parent signIn(String user) {
        await().atMost(WAIT).ignoreExceptions().until(() -> window("Backchannel — sign in") != null);
        Parent form = window("Backchannel — sign in").getScene().getRoot();
        robot.clickOn(in(form, "#userName")).write(user);
        robot.clickOn(in(form, "#signIn"));
        await().atMost(WAIT).ignoreExceptions().until(() -> window("Backchannel — " + user) != null);
        Parent root = window("Backchannel — " + user).getScene().getRoot();
        await().atMost(WAIT).ignoreExceptions().until(() -> ((Label) in(root, "#connection")).getText().equals("Connected"));
        return root;
    }

    private Window window(String title) {
        return robot.listWindows().stream()
                .filter(w -> w instanceof javafx.stage.Stage stage && title.equals(stage.getTitle()) && w.isShowing())
                .findFirst().orElse(null);
    }

    private Node in(Parent root, String query) {
        return robot.from(root).lookup(query).query();
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> items(Parent root) {
        return (TableView<Object>) in(root, "#itemsTable");
    }

    private void awaitToast(Parent root, String kind, String text) {
        await().atMost(WAIT).ignoreExceptions().until(() -> robot.from(root).lookup("." + kind).queryAllAs(Notification.class).stream()
                .anyMatch(toast -> toast.getMessage().contains(text)));
    }
}
