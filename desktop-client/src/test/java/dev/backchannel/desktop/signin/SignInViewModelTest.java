package dev.backchannel.desktop.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.ClientConfig;
import dev.backchannel.client.http.TrustedCertificates;
import dev.backchannel.client.time.Scheduler;
import dev.backchannel.desktop.session.SessionOpener;
import dev.backchannel.desktop.session.UserSession;
import dev.backchannel.desktop.testing.FakeBackchannel;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInViewModelTest {

    private final FakeBackchannel system = FakeBackchannel.start();
    private final SessionOpener opener = SessionOpener.using(system.gateway(), Scheduler.system());
    private final AtomicReference<UserSession> signedIn = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (signedIn.get() != null) {
            signedIn.get().close();
        }
        system.close();
    }

    @Test
    void prefillsTheUrlsOfTheConfiguration() {
        SignInViewModel model = new SignInViewModel(ClientConfig.forUser("x"), "", opener, Runnable::run,
                ForkJoinPool.commonPool());

        assertThat(model.apiUrlProperty().get()).isEqualTo("http://localhost:8081");
        assertThat(model.queryUrlProperty().get()).isEqualTo("http://localhost:8082");
        assertThat(model.socketUrlProperty().get()).isEqualTo("ws://localhost:8080/ws");
    }

    @Test
    void signingInKeepsTheTrustStoreOfTheConfiguration(@TempDir Path dir) throws Exception {
        Path trustStore = Files.writeString(dir.resolve("ca.pem"), "read when a client connects");
        ClientConfig defaults = ClientConfig.forUser("x").trusting(new TrustedCertificates(trustStore, null));
        AtomicReference<ClientConfig> opened = new AtomicReference<>();
        SignInViewModel model = new SignInViewModel(defaults, "alice", config -> {
            opened.set(config);
            throw new IllegalStateException("not connecting in this test");
        }, Runnable::run, ForkJoinPool.commonPool());

        model.signIn(signedIn::set);

        await().until(() -> opened.get() != null);
        assertThat(opened.get().userId()).isEqualTo("alice");
        assertThat(opened.get().trust()).isEqualTo(defaults.trust());
    }

    @Test
    void userNameWithSpacesInsideCannotSignIn() {
        SignInViewModel model = new SignInViewModel(system.config("x"), "alice smith", opener, Runnable::run,
                ForkJoinPool.commonPool());

        assertThat(model.canSignInProperty().get()).isFalse();
        model.signIn(signedIn::set);
        assertThat(model.errorProperty().get()).contains("1 to 64 letters");
    }

    @Test
    void signingInHandsOverASessionOfThatUser() {
        SignInViewModel model = new SignInViewModel(system.config("x"), " alice ", opener, Runnable::run,
                ForkJoinPool.commonPool());

        model.signIn(signedIn::set);

        await().until(() -> signedIn.get() != null);
        assertThat(signedIn.get().userId()).isEqualTo("alice");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void nothingListeningSaysSoInPlainWords() {
        SignInViewModel model = new SignInViewModel(system.config("x"), "alice", SessionOpener.real(Scheduler.system()),
                Runnable::run, ForkJoinPool.commonPool());
        model.apiUrlProperty().set("http://127.0.0.1:1");
        model.queryUrlProperty().set(URI.create("http://127.0.0.1:1").toString());

        model.signIn(signedIn::set);

        await().until(() -> !model.errorProperty().get().isEmpty());
        assertThat(model.errorProperty().get()).startsWith("Nothing answers at http://127.0.0.1:1");
        assertThat(signedIn.get()).isNull();
    }
}
