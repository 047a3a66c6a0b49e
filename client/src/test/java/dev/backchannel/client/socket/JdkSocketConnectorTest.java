package dev.backchannel.client.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real websocket server (Vert.x), as the gateway would answer. */
class JdkSocketConnectorTest {

    private final Vertx vertx = Vertx.vertx();
    private final AtomicReference<String> offered = new AtomicReference<>();
    private final List<String> serverReceived = new CopyOnWriteArrayList<>();
    private final AtomicReference<ServerWebSocket> serverSide = new AtomicReference<>();
    private final List<String> clientSaw = new CopyOnWriteArrayList<>();
    private final JdkSocketConnector connector = new JdkSocketConnector(HttpClient.newHttpClient(), Duration.ofSeconds(5));
    private HttpServer server;

    @BeforeEach
    void startGateway() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setWebSocketSubProtocols(List.of("backchannel.v1")))
                .webSocketHandler(ws -> {
                    offered.set(ws.headers().get("Sec-WebSocket-Protocol"));
                    if (!offered.get().contains("Bearer%20good.token.here")) {
                        ws.reject(401);
                        return;
                    }
                    serverSide.set(ws);
                    ws.textMessageHandler(serverReceived::add);
                    ws.writeTextMessage("{\"type\":\"welcome\",\"connectionId\":\"c1\",\"userId\":\"alice\",\"resumed\":false}");
                })
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopGateway() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private URI url() {
        return URI.create("ws://127.0.0.1:" + server.actualPort() + "/ws");
    }

    private final SocketEvents events = new SocketEvents() {
        @Override
        public void onText(String text) {
            clientSaw.add(text);
        }

        @Override
        public void onClosed(int code, String reason) {
            clientSaw.add("closed " + code);
        }

        @Override
        public void onError(Throwable error) {
            clientSaw.add("error " + error);
        }
    };

    @Test
    void offersTheBearerTokenAsASubprotocolAndExchangesTextFrames() throws Exception {
        SocketConnection connection = connector.connect(url(), "good.token.here", events).get(5, TimeUnit.SECONDS);
        connection.send("{\"type\":\"subscribe\",\"topic\":\"items\"}");
        connection.send("{\"type\":\"resume\",\"lastEventId\":\"evt0000000001\"}");

        assertThat(offered.get()).isEqualTo(
                "backchannel.v2, backchannel.v1, quarkus-http-upgrade#Authorization#Bearer%20good.token.here");
        await().atMost(Duration.ofSeconds(5)).until(() -> serverReceived.size() == 2 && clientSaw.size() == 1);
        assertThat(serverReceived).containsExactly("{\"type\":\"subscribe\",\"topic\":\"items\"}",
                "{\"type\":\"resume\",\"lastEventId\":\"evt0000000001\"}");
        assertThat(clientSaw.get(0)).contains("\"type\":\"welcome\"");
    }

    @Test
    void reportsTheCloseCodeTheGatewayCloses() throws Exception {
        connector.connect(url(), "good.token.here", events).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> serverSide.get() != null);

        serverSide.get().close((short) 4001, "token expired");

        await().atMost(Duration.ofSeconds(5)).until(() -> clientSaw.contains("closed 4001"));
    }

    @Test
    void reportsARefusedUpgradeWithItsStatus() {
        assertThatThrownBy(() -> connector.connect(url(), "bad.token.here", events).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(HandshakeRefusedException.class,
                        refused -> assertThat(refused.status()).isEqualTo(401));
    }
}
