package dev.backchannel.desktop.connection;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

/** A coloured dot and the socket's state in words; the colour comes from the style sheet by health. */
public final class ConnectionIndicator {

    private final HBox root = new HBox(6);

    public ConnectionIndicator(ConnectionViewModel model) {
        Circle dot = new Circle(5);
        dot.getStyleClass().add("connection-dot");
        Label text = new Label();
        text.setId("connection");
        text.textProperty().bind(model.textProperty());
        root.getChildren().addAll(dot, text);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("connection");
        model.healthProperty().addListener((obs, old, health) -> restyle(old, health));
        restyle(null, model.healthProperty().get());
    }

    private void restyle(ConnectionViewModel.Health old, ConnectionViewModel.Health now) {
        if (old != null) {
            root.getStyleClass().remove(styleOf(old));
        }
        root.getStyleClass().add(styleOf(now));
    }

    private static String styleOf(ConnectionViewModel.Health health) {
        return "connection-" + health.name().toLowerCase(Locale.ROOT);
    }

    public Parent root() {
        return root;
    }
}
