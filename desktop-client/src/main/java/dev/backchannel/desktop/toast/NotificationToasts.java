package dev.backchannel.desktop.toast;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import atlantafx.base.util.Animations;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * {@link Toasts} as AtlantaFX {@link Notification}s stacked in the top-right corner of a window:
 * newest on top, slide in, close by themselves (or with their close button), at most a few at once.
 */
public final class NotificationToasts implements Toasts {

    public static final String STYLE_CLASS = "toast";
    private static final int MAX_SHOWN = 5;
    private static final Duration SLIDE = Duration.millis(250);

    private final VBox stack = new VBox(8);
    private final Duration showFor;

    /** Puts the toast stack over {@code layer}'s content; toasts stay {@code showFor} long. */
    public NotificationToasts(StackPane layer, Duration showFor) {
        this.showFor = showFor;
        stack.setId("toasts");
        stack.setPickOnBounds(false);
        stack.setMaxSize(360, VBox.USE_PREF_SIZE);
        stack.setPadding(new Insets(56, 12, 12, 12)); // below the window's top bar
        StackPane.setAlignment(stack, Pos.TOP_RIGHT);
        layer.getChildren().add(stack);
    }

    @Override
    public void success(String message) {
        show(message, "✔", Styles.SUCCESS, "toast-success");
    }

    @Override
    public void failure(String message) {
        show(message, "✖", Styles.DANGER, "toast-failure");
    }

    @Override
    public void info(String message) {
        show(message, "↻", null, "toast-info");
    }

    private void show(String message, String glyph, String atlantaStyle, String kind) {
        Notification toast = new Notification(message, new Label(glyph));
        toast.getStyleClass().addAll(STYLE_CLASS, kind, Styles.ELEVATED_1);
        if (atlantaStyle != null) {
            toast.getStyleClass().add(atlantaStyle);
        }
        toast.setPrefWidth(336);
        toast.setMaxHeight(Notification.USE_PREF_SIZE);
        toast.setOnClose(event -> close(toast));
        stack.getChildren().add(0, toast);
        if (stack.getChildren().size() > MAX_SHOWN) {
            stack.getChildren().remove(MAX_SHOWN, stack.getChildren().size());
        }
        Animations.slideInDown(toast, SLIDE).playFromStart();
        PauseTransition stay = new PauseTransition(showFor);
        stay.setOnFinished(event -> close(toast));
        stay.play();
    }

    private void close(Notification toast) {
        if (!stack.getChildren().contains(toast)) {
            return;
        }
        var out = Animations.slideOutUp(toast, SLIDE);
        out.setOnFinished(event -> stack.getChildren().remove(toast));
        out.playFromStart();
    }
}
