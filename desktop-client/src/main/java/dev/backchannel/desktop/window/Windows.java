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
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Opens the windows of one process: sign-in windows, and a window per signed-in user, each with
 * its own client and socket. "New window" opens another sign-in, prefilled with the same URLs, a
 * {@link Cascade} step from the last one; a user's window takes the place of its sign-in window.
 * Closing a user's window closes its socket. Call on the FX thread.
 */
public final class Windows {

    /** How long toasts stay and changes stay highlighted. */
    public record Timings(Duration toastFor, Duration highlightFor) {
        public static final Timings DEFAULT = new Timings(Duration.ofSeconds(5), Duration.ofSeconds(3));
    }

    private static final double USER_WIDTH = 1120;
    private static final double USER_HEIGHT = 760;
    private static final double CASCADE_STEP = 40;

    private static final String STYLESHEET = Objects.requireNonNull(
            Windows.class.getResource("/dev/backchannel/desktop/desktop.css")).toExternalForm();

    private final SessionOpener opener;
    private final Scheduler scheduler;
    private final Executor background;
    private final Timings timings;
    private final Cascade cascade = new Cascade(Screen.getPrimary().getVisualBounds(), CASCADE_STEP);

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
        // the user's window will open where this one is: its slot in the cascade is sized for that window
        Point2D corner = cascade.next(USER_WIDTH, USER_HEIGHT);
        SignInView view = new SignInView(model, session -> {
            openUser(session, new Point2D(stage.getX(), stage.getY()));
            stage.close(); // after: closing the last window first would end the application
        });
        stage.setTitle("Backchannel — sign in");
        stage.setScene(scene(view.root()));
        stage.setX(corner.getX());
        stage.setY(corner.getY());
        stage.show();
        return stage;
    }

    /** The window of a signed-in user, a cascade step from the last window opened. */
    public Stage openUser(UserSession session) {
        return openUser(session, cascade.next(USER_WIDTH, USER_HEIGHT));
    }

    private Stage openUser(UserSession session, Point2D corner) {
        Stage stage = new Stage();
        UserWindowView view = new UserWindowView(javafx.util.Duration.millis(timings.toastFor().toMillis()));
        UserWindowViewModel model = new UserWindowViewModel(session, view.toasts(), FxThread.INSTANCE, scheduler,
                timings.highlightFor());
        view.show(model, () -> openSignIn(session.config(), ""));
        stage.setTitle(model.title());
        Scene scene = scene(view.root());
        stage.setScene(scene);
        stage.setWidth(USER_WIDTH);
        stage.setHeight(USER_HEIGHT);
        stage.setOnHidden(event -> model.close());
        stage.setX(corner.getX());
        stage.setY(corner.getY());
        stage.show();
        return stage;
    }

    private static Scene scene(javafx.scene.Parent root) {
        Scene scene = new Scene(root);
        scene.getStylesheets().add(STYLESHEET);
        return scene;
    }
}
