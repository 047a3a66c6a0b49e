package dev.backchannel.desktop;

import dev.backchannel.client.ClientConfig;
import dev.backchannel.client.time.Scheduler;
import dev.backchannel.desktop.session.GivenToken;
import dev.backchannel.desktop.session.SessionOpener;
import dev.backchannel.desktop.window.Windows;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The Backchannel desktop client. The URLs come from {@code BACKCHANNEL_API_URL},
 * {@code BACKCHANNEL_QUERY_URL} and {@code BACKCHANNEL_SOCKET_URL} (default: the local run), the
 * user name prefilled from {@code BACKCHANNEL_USER}. With {@code --token-file=<path>},
 * {@code BACKCHANNEL_TOKEN_FILE} or {@code BACKCHANNEL_TOKEN} every window uses that token (an
 * external issuer's) instead of the demo sign-in ({@link GivenToken}). Run: {@code mvn -pl desktop-client javafx:run}.
 */
public final class DesktopApp extends Application {

    private final ExecutorService background = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "backchannel-desktop-sign-in");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void start(Stage ignored) {
        Windows.applyTheme();
        Scheduler scheduler = Scheduler.system();
        // a token given on the command line or in the environment replaces the demo sign-in
        SessionOpener opener = GivenToken.from(getParameters().getNamed(), System.getenv())
                .map(tokens -> SessionOpener.withToken(tokens, null, scheduler))
                .orElseGet(() -> SessionOpener.real(scheduler));
        Windows windows = new Windows(opener, scheduler, background, Windows.Timings.DEFAULT);
        ClientConfig defaults = ClientConfig.forUser("anyone").overriddenBy(System.getenv());
        windows.openSignIn(defaults, System.getenv().getOrDefault("BACKCHANNEL_USER", ""));
    }

    @Override
    public void stop() {
        background.shutdownNow();
    }

    public static void main(String[] args) {
        launch(DesktopApp.class, args);
    }
}
