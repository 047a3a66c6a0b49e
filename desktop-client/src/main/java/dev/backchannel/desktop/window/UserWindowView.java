package dev.backchannel.desktop.window;

import atlantafx.base.theme.Styles;
import dev.backchannel.desktop.chaos.ChaosView;
import dev.backchannel.desktop.connection.ConnectionIndicator;
import dev.backchannel.desktop.items.ItemsView;
import dev.backchannel.desktop.presence.PresenceView;
import dev.backchannel.desktop.receipts.ReceiptsView;
import dev.backchannel.desktop.toast.NotificationToasts;
import dev.backchannel.desktop.toast.Toasts;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * One user's window: a bar (who, connection, "New window"), the items, the receipts and chaos
 * panels below them as tabs, and the toasts over everything. {@link #toasts()} exists before the view
 * model so that it can be handed to it; {@link #show} then builds the rest.
 */
public final class UserWindowView {

    private final StackPane root = new StackPane();
    private final NotificationToasts toasts;

    public UserWindowView(Duration toastFor) {
        toasts = new NotificationToasts(root, toastFor);
        root.getStyleClass().add("user-window");
    }

    public Toasts toasts() {
        return toasts;
    }

    public void show(UserWindowViewModel model, Runnable openNewWindow) {
        root.setId("window-" + model.session().userId());
        Label user = new Label(model.session().userId());
        user.setId("user");
        user.getStyleClass().addAll(Styles.TITLE_4, "user-name");
        Button newWindow = new Button("New window");
        newWindow.setId("newWindow");
        newWindow.setOnAction(event -> openNewWindow.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(16, user, new ConnectionIndicator(model.connection()).root(), spacer, newWindow);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 14, 10, 14));
        bar.getStyleClass().add("top-bar");

        VBox items = new VBox(new ItemsView(model.items()).root(), new PresenceView(model.presence()).root());
        VBox.setVgrow(items.getChildren().get(0), Priority.ALWAYS);
        items.setPadding(new Insets(12));
        ScrollPane chaos = new ScrollPane(new ChaosView(model.chaos()).root());
        chaos.setFitToWidth(true);
        Tab receiptsTab = new Tab("Receipts", padded(new ReceiptsView(model.receipts()).root()));
        receiptsTab.setId("receiptsTab");
        Tab chaosTab = new Tab("Chaos", chaos);
        chaosTab.setId("chaosTab");
        TabPane panels = new TabPane(receiptsTab, chaosTab);
        panels.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane main = new SplitPane(items, panels);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.6);

        BorderPane layout = new BorderPane(main);
        layout.setTop(bar);
        root.getChildren().add(0, layout);
    }

    private static Parent padded(Parent content) {
        VBox box = new VBox(content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    public Parent root() {
        return root;
    }
}
