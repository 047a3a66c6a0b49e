package dev.backchannel.e2e;

import static org.awaitility.Awaitility.await;

import atlantafx.base.controls.Notification;
import dev.backchannel.client.ClientConfig;
import dev.backchannel.client.time.Scheduler;
import dev.backchannel.desktop.items.ItemRow;
import dev.backchannel.desktop.session.SessionOpener;
import dev.backchannel.desktop.window.Windows;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The desktop client's windows in this JVM (headless Monocle, set up by the surefire properties),
 * signed in to the {@link RunningSystem} through their own sign-in form, and the robot that drives
 * them as a person would: type, click, read toasts and rows.
 */
final class DesktopWindows implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final FxRobot robot = new FxRobot();
    private final ExecutorService background = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "desktop-sign-in");
        thread.setDaemon(true);
        return thread;
    });
    private final ClientConfig defaults;

    private DesktopWindows(ClientConfig defaults) {
        this.defaults = defaults;
    }

    /** Starts the JavaFX toolkit (once per JVM) and opens the first sign-in window, prefilled with the system's URLs. */
    static DesktopWindows open(RunningSystem system) {
        DesktopWindows windows = new DesktopWindows(ClientConfig.forUser("anyone").withApiUrl(system.apiUrl())
                .withQueryUrl(system.queryUrl()).withSocketUrl(system.socketUrl()));
        try {
            FxToolkit.registerPrimaryStage();
            FxToolkit.setupFixture(Windows::applyTheme);
            FxToolkit.setupFixture(() -> new Windows(SessionOpener.real(Scheduler.system()), Scheduler.system(),
                    windows.background, new Windows.Timings(Duration.ofSeconds(60), Duration.ofSeconds(3)))
                    .openSignIn(windows.defaults, ""));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the JavaFX toolkit did not start", e);
        }
        return windows;
    }

    FxRobot robot() {
        return robot;
    }

    /** Fills in the open sign-in window as {@code user}, waits for the user's window and its socket; returns its root. */
    Parent signIn(String user) {
        await().atMost(WAIT).ignoreExceptions().until(() -> stage("Backchannel — sign in").isPresent());
        Parent form = stage("Backchannel — sign in").orElseThrow().getScene().getRoot();
        focus(form);
        robot.clickOn(in(form, "#userName")).write(user);
        robot.clickOn(in(form, "#signIn"));
        await().atMost(WAIT).ignoreExceptions().until(() -> stage("Backchannel — " + user).isPresent());
        Parent root = stage("Backchannel — " + user).orElseThrow().getScene().getRoot();
        await().atMost(WAIT).ignoreExceptions().until(() -> text(root, "#connection").equals("Connected"));
        return root;
    }

    /** The showing window titled {@code title}. */
    Optional<Stage> stage(String title) {
        return robot.listWindows().stream().filter(Window::isShowing)
                .filter(w -> w instanceof Stage stage && title.equals(stage.getTitle())).map(Stage.class::cast)
                .findFirst();
    }

    Node in(Parent root, String query) {
        return robot.from(root).lookup(query).query();
    }

    String text(Parent root, String query) {
        return ((javafx.scene.control.Labeled) in(root, query)).getText();
    }

    @SuppressWarnings("unchecked")
    TableView<ItemRow> items(Parent root) {
        return (TableView<ItemRow>) in(root, "#itemsTable");
    }

    /** The row titled {@code title} in the window, once it is there. */
    ItemRow awaitRow(Parent root, String title) {
        await().atMost(WAIT).ignoreExceptions().until(() -> row(root, title).isPresent());
        return row(root, title).orElseThrow();
    }

    Optional<ItemRow> row(Parent root, String title) {
        return items(root).getItems().stream().filter(row -> row.title().equals(title)).findFirst();
    }

    /** Waits for a toast of {@code kind} ({@code toast-success}, {@code toast-failure}, {@code toast-info}) saying {@code text}. */
    void awaitToast(Parent root, String kind, String text) {
        await().atMost(WAIT).ignoreExceptions().until(() -> hasToast(root, kind, text));
    }

    boolean hasToast(Parent root, String kind, String text) {
        return robot.from(root).lookup("." + kind).queryAllAs(Notification.class).stream()
                .anyMatch(toast -> toast.getMessage().contains(text));
    }

    /** Shows the window's Chaos tab (selected as a click would; its header may not be laid out yet). */
    void showChaosTab(Parent root) {
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            javafx.scene.control.TabPane panels = robot.from(root).lookup(".tab-pane")
                    .queryAs(javafx.scene.control.TabPane.class);
            robot.interact(() -> panels.getTabs().stream().filter(tab -> "chaosTab".equals(tab.getId())).findFirst()
                    .ifPresent(tab -> panels.getSelectionModel().select(tab)));
            return "chaosTab".equals(panels.getSelectionModel().getSelectedItem().getId());
        });
    }

    /** Brings the window to the front, as a person clicking into it would (the robot clicks screen points). */
    void focus(Parent root) {
        robot.interact(() -> {
            Stage stage = (Stage) root.getScene().getWindow();
            stage.toFront();
            stage.requestFocus();
        });
    }

    /**
     * Puts {@code title} into the add form of the window and presses Add. Set and fired rather than
     * typed and clicked: Monocle sends keys to the window that last had focus, which need not be the
     * one in front, and a toast (top right) may lie over the button.
     */
    void create(Parent root, String title) {
        focus(root);
        robot.interact(() -> {
            ((javafx.scene.control.TextField) in(root, "#newTitle")).setText(title);
            ((javafx.scene.control.Button) in(root, "#addItem")).fire();
        });
    }

    /** Closes every window (their sockets close with them). */
    @Override
    public void close() {
        try {
            FxToolkit.cleanupStages();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the windows did not close", e);
        } finally {
            background.shutdownNow();
        }
    }
}
