package dev.backchannel.desktop.presence;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** One line under the items: who else is on the selected item and what they edit. */
public final class PresenceView {

    private final HBox root = new HBox(8);

    public PresenceView(PresenceViewModel model) {
        Label summary = new Label();
        summary.setId("presence");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add(Styles.TEXT_SMALL);
        root.getChildren().add(summary);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(6, 0, 0, 0));
        root.getStyleClass().add("presence");
    }

    public Parent root() {
        return root;
    }
}
