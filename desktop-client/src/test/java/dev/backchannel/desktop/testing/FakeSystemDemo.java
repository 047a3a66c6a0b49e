package dev.backchannel.desktop.testing;

import dev.backchannel.client.time.Scheduler;
import dev.backchannel.desktop.session.SessionOpener;
import dev.backchannel.desktop.session.UserSession;
import dev.backchannel.desktop.window.Windows;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemFields;
import dev.backchannel.schemas.ItemStatus;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The UI without the system: alice's and bob's windows side by side against {@link FakeBackchannel},
 * staged into a conflict (bob renames first, alice's rename of the old version is refused, after one
 * retry). For screenshots and for trying the UI; not a test. Run with the test class path.
 */
public final class FakeSystemDemo extends Application {

    @Override
    public void start(Stage ignored) {
        Windows.applyTheme();
        FakeBackchannel system = FakeBackchannel.start();
        Item milk = system.items().seed("Buy milk", "carol");
        system.items().seed("Book flights", "carol");
        system.items().seed("Water the plants", "bob");
        SessionOpener opener = SessionOpener.using(system.gateway(), Scheduler.system());
        Windows windows = new Windows(opener, Scheduler.system(), ForkJoinPool.commonPool(),
                new Windows.Timings(Duration.ofMinutes(5), Duration.ofMinutes(5)));
        UserSession alice = opener.open(system.config("alice"));
        UserSession bob = opener.open(system.config("bob"));
        place(windows.openUser(alice), 0);
        place(windows.openUser(bob), 960);
        ForkJoinPool.commonPool().execute(() -> {
            system.gateway().hold("alice");
            bob.client().submit(Command.update(null, milk.id(), 1, new ItemFields("Buy oat milk", null))).settled().join();
            system.failNextCommandPosts(503);
            alice.client().submit(Command.update(null, milk.id(), 1, new ItemFields(null, ItemStatus.DONE)))
                    .accepted().join();
            system.gateway().release("alice");
        });
    }

    private static void place(Stage stage, double x) {
        stage.setX(x);
        stage.setY(0);
        stage.setWidth(960);
        stage.setHeight(1080);
    }

    public static void main(String[] args) {
        Platform.setImplicitExit(true);
        launch(FakeSystemDemo.class, args);
    }
}
