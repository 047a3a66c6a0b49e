package dev.backchannel.desktop.signin;

import atlantafx.base.theme.Styles;
import dev.backchannel.desktop.session.UserSession;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The sign-in form: a user name and the three URLs, prefilled for the local run. */
public final class SignInView {

    private final VBox root = new VBox(14);

    public SignInView(SignInViewModel model, Consumer<UserSession> onSignedIn) {
        Label title = new Label("Sign in to Backchannel");
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label("Pick any name: this is a multiplayer demo. Open more windows later as other users.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);

        TextField user = field("userName", model.userNameProperty());
        user.setPromptText("alice");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.getColumnConstraints().addAll(new ColumnConstraints(), grow());
        form.addRow(0, new Label("User name"), user);
        form.addRow(1, new Label("API"), field("apiUrl", model.apiUrlProperty()));
        form.addRow(2, new Label("Query"), field("queryUrl", model.queryUrlProperty()));
        form.addRow(3, new Label("Socket"), field("socketUrl", model.socketUrlProperty()));

        Button signIn = new Button("Sign in");
        signIn.setId("signIn");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.disableProperty().bind(model.canSignInProperty().not());
        signIn.setOnAction(event -> model.signIn(onSignedIn));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(model.busyProperty());
        Label error = new Label();
        error.setId("signInError");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());

        root.getChildren().addAll(title, hint, form, new HBox(10, signIn, busy), error);
        root.setPadding(new Insets(24));
        root.setPrefWidth(480);
        root.getStyleClass().add("sign-in");
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        return column;
    }

    public Parent root() {
        return root;
    }
}
