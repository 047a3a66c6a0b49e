package dev.backchannel.desktop.signin;

import dev.backchannel.client.ClientConfig;
import dev.backchannel.desktop.session.SessionOpener;
import dev.backchannel.desktop.session.UserSession;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Who signs in and where the system is; signing in connects off the FX thread. */
public final class SignInViewModel {

    private static final String USER_PATTERN = "[A-Za-z0-9._-]{1,64}";

    // Properties
    private final StringProperty userName = new SimpleStringProperty("");
    private final StringProperty apiUrl = new SimpleStringProperty();
    private final StringProperty queryUrl = new SimpleStringProperty();
    private final StringProperty socketUrl = new SimpleStringProperty();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSignIn;

    private final ClientConfig defaults;
    private final SessionOpener opener;
    private final Executor ui;
    private final Executor background;

    /** {@code defaults} prefill the URLs (and the user name, when not blank). */
    public SignInViewModel(ClientConfig defaults, String user, SessionOpener opener, Executor ui, Executor background) {
        this.defaults = defaults;
        this.opener = opener;
        this.ui = ui;
        this.background = background;
        userName.set(user == null ? "" : user);
        apiUrl.set(defaults.apiUrl().toString());
        queryUrl.set(defaults.queryUrl().toString());
        socketUrl.set(defaults.socketUrl().toString());
        canSignIn = Bindings.createBooleanBinding(
                () -> !busy.get() && userName.get() != null && userName.get().trim().matches(USER_PATTERN),
                userName, busy);
    }

    // Commands

    /** Connects as the user; {@code onSignedIn} gets the session on the FX thread, or {@link #error} says why not. */
    public void signIn(Consumer<UserSession> onSignedIn) {
        if (!canSignIn.get()) {
            error.set("A user name is 1 to 64 letters, digits, '.', '_' or '-'.");
            return;
        }
        ClientConfig config;
        try {
            config = defaults.withApiUrl(URI.create(apiUrl.get().trim())).withQueryUrl(URI.create(queryUrl.get().trim()))
                    .withSocketUrl(URI.create(socketUrl.get().trim()));
            config = config.withUserId(userName.get().trim());
        } catch (IllegalArgumentException badUrl) {
            error.set("That is not a URL: " + badUrl.getMessage());
            return;
        }
        ClientConfig chosen = config;
        busy.set(true);
        error.set("");
        CompletableFuture.supplyAsync(() -> opener.open(chosen), background).whenComplete((session, failure) ->
                ui.execute(() -> {
                    busy.set(false);
                    if (session != null) {
                        onSignedIn.accept(session);
                    } else {
                        error.set(SignInFailure.describe(unwrap(failure), chosen));
                    }
                }));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    public StringProperty userNameProperty() {
        return userName;
    }

    public StringProperty apiUrlProperty() {
        return apiUrl;
    }

    public StringProperty queryUrlProperty() {
        return queryUrl;
    }

    public StringProperty socketUrlProperty() {
        return socketUrl;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }
}
