package dev.backchannel.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.NetServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load generator's websocket upgrade bound (a fresh client Vert.x, as in a load worker): the
 * sockets it opens stay open past the bound, the first one included (Vert.x's own bound closed that
 * one with 1000 when it elapsed), and an upgrade that never answers fails after it.
 */
class UpgradesTest {

    private static final long BOUND_MS = 1_500;

    private final Vertx server = Vertx.vertx();
    private final Vertx client = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldKeepEverySocketOpenPastTheUpgradeBoundTheFirstOneIncluded() throws Exception {
        HttpServer http = server.createHttpServer(new HttpServerOptions().setHost("127.0.0.1")
                        .setWebSocketSubProtocols(List.of("backchannel.v1")))
                .webSocketHandler(ws -> ws.writeTextMessage("{\"type\":\"welcome\"}"))
                .listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        // the load worker's client options
        WebSocketClient websockets = client.createWebSocketClient(new WebSocketClientOptions().setLocalAddress("127.0.0.2")
                .setMaxConnections(100_000).setConnectTimeout(30_000).setClosingTimeout(2));
        List<Short> closes = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            WebSocket ws = Upgrades.connect(client, websockets, options(http.actualPort()), BOUND_MS)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            ws.closeHandler(ignored -> closes.add(ws.closeStatusCode() == null ? -1 : ws.closeStatusCode()));
        }

        await().during(Duration.ofMillis(4 * BOUND_MS)).atMost(Duration.ofMillis(6 * BOUND_MS))
                .until(closes::isEmpty);
    }

    @Test
    void shouldFailAnUpgradeThatIsNotAnsweredWithinTheBound() throws Exception {
        // accepts the connection and never answers the upgrade request
        NetServer silent = server.createNetServer().connectHandler(socket -> socket.handler(ignored -> {
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        WebSocketClient websockets = client.createWebSocketClient(new WebSocketClientOptions().setConnectTimeout(30_000));

        CompletableFuture<WebSocket> upgrade = Upgrades.connect(client, websockets, options(silent.actualPort()),
                BOUND_MS).toCompletionStage().toCompletableFuture();

        await().atMost(Duration.ofSeconds(5)).until(upgrade::isDone);
        assertThat(upgrade).isCompletedExceptionally();
        assertThat(upgrade.handle((ws, failure) -> failure).get()).isInstanceOf(TimeoutException.class);
    }

    private static WebSocketConnectOptions options(int port) {
        return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")
                .addSubProtocol("backchannel.v1");
    }
}
