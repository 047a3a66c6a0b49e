package dev.backchannel.desktop.window;

import atlantafx.base.theme.PrimerLight;
import dev.backchannel.client.ClientConfig;
import dev.backchannel.client.time.Scheduler;
import dev.backchannel.desktop.fx.FxThread;
import dev.backchannel.desktop.session.SessionOpener;
import dev.backchannel.desktop.session.UserSession;
import dev.backchannel.desktop.signin.SignInView;
import dev.backchannel.desktop.signin.SignInViewModel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Opens the windows of one process: sign-in windows, and a window per signed-in user, each with
 * its own client and socket. "New window" opens another sign-in, prefilled with the same URLs.
 * Closing a user's window closes its socket. Call on the FX thread.
 */
public final class Windows {

    /** How long toasts stay and changes stay highlighted. */
    public record Timings(Duration toastFor, Duration highlightFor) {
        public static final Timings DEFAULT = new Timings(Duration.ofSeconds(5), Duration.ofSeconds(3));
    }

    private static final String STYLESHEET = Objects.requireNonNull(
            Windows.class.getResource("/dev/backchannel/desktop/desktop.css")).toExternalForm();

    private final SessionOpener opener;
    private final Scheduler scheduler;
    private final Executor background;
    private final Timings timings;
    private int opened;

    public Windows(SessionOpener opener, Scheduler scheduler, Executor background, Timings timings) {
        this.opener = opener;
        this.scheduler = scheduler;
        this.background = background;
        this.timings = timings;
    }

    /** The AtlantaFX theme, once per process. */
    public static void applyTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    /** A sign-in window with {@code defaults}' URLs and {@code user} filled in. */
    public Stage openSignIn(ClientConfig defaults, String user) {
        Stage stage = new Stage();
        SignInViewModel model = new SignInViewModel(defaults, user, opener, FxThread.INSTANCE, background);
        SignInView view = new SignInView(model, session -> {
            openUser(session);
            stage.close(); // after: closing the last window first would end the application
        });
        stage.setTitle("Backchannel — sign in");
        stage.setScene(scene(view.root()));
        place(stage);
        stage.show();
        return stage;
    }

    /** The window of a signed-in user. */
    public Stage openUser(UserSession session) {
        Stage stage = new Stage();
        UserWindowView view = new UserWindowView(javafx.util.Duration.millis(timings.toastFor().toMillis()));
        UserWindowViewModel model = new UserWindowViewModel(session, view.toasts(), FxThread.INSTANCE, scheduler,
                timings.highlightFor());
        view.show(model, () -> openSignIn(session.config(), ""));
        stage.setTitle(model.title());
        Scene scene = scene(view.root());
        stage.setScene(scene);
        stage.setWidth(1120);
        stage.setHeight(760);
        stage.setOnHidden(event -> model.close());
        place(stage);
        stage.show();
        return stage;
    }

    private static Scene scene(javafx.scene.Parent root) {
        Scene scene = new Scene(root);
        scene.getStylesheets().add(STYLESHEET);
        return scene;
    }

    /** Each window a little further down and right than the last, so none hides another entirely. */
    private void place(Stage stage) {
        int offset = (opened++ % 8) * 36;
        stage.setX(60 + offset);
        stage.setY(40 + offset);
    }
}
