package dev.backchannel.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.http.TokenSource;
import dev.backchannel.client.socket.SocketSession;
import dev.backchannel.client.time.Backoff;
import dev.backchannel.desktop.testing.FakeGateway;
import dev.backchannel.desktop.testing.ManualScheduler;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ConnectionViewModelTest {

    private final FakeGateway gateway = new FakeGateway();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final TokenSource tokens = new TokenSource() {
        @Override
        public CompletableFuture<String> token() {
            return CompletableFuture.completedFuture("t.alice.s");
        }

        @Override
        public CompletableFuture<String> refresh() {
            return token();
        }
    };
    /** Full jitter picks the top of the range: the first reconnect waits exactly 3 s. */
    private final RandomGenerator highest = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };
    private final SocketSession socket = new SocketSession(URI.create("ws://127.0.0.1:1/ws"), gateway, tokens,
            new Backoff(Duration.ofMillis(3000), Duration.ofSeconds(30), 2.0), highest, scheduler);

    @Test
    void saysConnectedOnceWelcomed() {
        ConnectionViewModel model = new ConnectionViewModel(socket, Runnable::run, scheduler);
        socket.subscribe("items");

        socket.start();

        await().until(() -> model.healthProperty().get() == ConnectionViewModel.Health.CONNECTED);
        assertThat(model.textProperty().get()).isEqualTo("Connected");
    }

    @Test
    void countsDownTheSecondsUntilTheNextReconnect() {
        ConnectionViewModel model = new ConnectionViewModel(socket, Runnable::run, scheduler);
        socket.subscribe("items");
        socket.start();
        await().until(() -> model.healthProperty().get() == ConnectionViewModel.Health.CONNECTED);

        gateway.sockets().get(0).drop();

        assertThat(model.textProperty().get()).isEqualTo("Reconnecting in 3 s (attempt 1)");
        scheduler.runPending(Duration.ofSeconds(1));
        assertThat(model.textProperty().get()).isEqualTo("Reconnecting in 2 s (attempt 1)");

        scheduler.runPending(Duration.ofSeconds(3));
        // back again: welcomed, or reset when there was no event to resume from (either may come last)
        await().until(() -> model.healthProperty().get() == ConnectionViewModel.Health.CONNECTED
                || model.healthProperty().get() == ConnectionViewModel.Health.RESET);
        String shown = model.textProperty().get();
        scheduler.runPending(Duration.ofSeconds(1));
        assertThat(model.textProperty().get()).as("a late tick of the old countdown changes nothing").isEqualTo(shown);
    }
}
