package dev.backchannel.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.http.TokenSource;
import dev.backchannel.client.socket.SocketSession;
import dev.backchannel.client.time.Backoff;
import dev.backchannel.desktop.testing.FakeGateway;
import dev.backchannel.desktop.testing.ManualScheduler;
import dev.backchannel.client.socket.SocketConnection;
import dev.backchannel.client.socket.SocketConnector;
import dev.backchannel.client.socket.SocketEvents;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    void saysConnectedNotResumedWhenTheWindowsFirstSocketResumesFromTheLoadedList() {
        List<SocketEvents> opened = new CopyOnWriteArrayList<>();
        SocketConnector resuming = (url, token, events) -> {
            opened.add(events);
            return CompletableFuture.completedFuture(new SocketConnection() {
                @Override
                public void send(String text) {
                    if (text.contains("\"resume\"")) {
                        events.onText("{\"type\":\"welcome\",\"connectionId\":\"c" + opened.size()
                                + "\",\"userId\":\"alice\",\"resumed\":true}");
                    }
                }

                @Override
                public void close(int code, String reason) {
                }
            });
        };
        SocketSession resumingSocket = new SocketSession(URI.create("ws://127.0.0.1:1/ws"), resuming, tokens,
                new Backoff(Duration.ofMillis(3000), Duration.ofSeconds(30), 2.0), highest, scheduler);
        ConnectionViewModel model = new ConnectionViewModel(resumingSocket, Runnable::run, scheduler);
        resumingSocket.seenUpTo("0000000042");

        resumingSocket.start();

        assertThat(model.textProperty().get()).isEqualTo("Connected");
        opened.get(0).onClosed(1006, "dropped");
        scheduler.runPending(Duration.ofSeconds(3));
        assertThat(model.healthProperty().get()).isEqualTo(ConnectionViewModel.Health.RESUMED);
        assertThat(model.textProperty().get()).isEqualTo("Resumed: caught up on what was missed");
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
