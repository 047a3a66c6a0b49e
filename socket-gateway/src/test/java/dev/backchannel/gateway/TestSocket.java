package dev.backchannel.gateway;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.schemas.Json;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A real websocket client on the test port that keeps every frame it received. */
public final class TestSocket implements AutoCloseable {

    public static final String SUBPROTOCOL = "backchannel.v1";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebSocketClient client;
    private final WebSocket socket;
    private final List<String> frames = new CopyOnWriteArrayList<>();
    private volatile Short closeStatus;

    private TestSocket(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
        socket.textMessageHandler(frames::add);
        socket.closeHandler(ignored -> closeStatus = socket.closeStatusCode());
    }

    /** Connects the way a browser does: the token rides in the second subprotocol. */
    public static TestSocket asBrowser(Vertx vertx, URI ws, String token) throws Exception {
        return connect(vertx, options(ws).addSubProtocol(SUBPROTOCOL)
                .addSubProtocol("quarkus-http-upgrade#Authorization#Bearer%20" + token));
    }

    /** Connects the way a non-browser client does: an Authorization header on the upgrade. */
    public static TestSocket withHeader(Vertx vertx, URI ws, String token) throws Exception {
        return connect(vertx, options(ws).addHeader("Authorization", "Bearer " + token));
    }

    /** Connects and waits for the welcome frame. */
    public static TestSocket welcomed(Vertx vertx, URI ws, String token) throws Exception {
        TestSocket socket = asBrowser(vertx, ws, token);
        await().atMost(TIMEOUT).until(() -> !socket.framesOfType("welcome").isEmpty());
        return socket;
    }

    public static WebSocketConnectOptions options(URI ws) {
        return new WebSocketConnectOptions().setHost(ws.getHost()).setPort(ws.getPort()).setURI(ws.getPath());
    }

    public static TestSocket connect(Vertx vertx, WebSocketConnectOptions options) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            // handlers are set before connecting, so no early frame (the welcome) is missed
            ClientWebSocket socket = client.webSocket();
            TestSocket test = new TestSocket(client, socket);
            socket.connect(options).toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return test;
        } catch (Exception e) {
            client.close();
            throw e;
        }
    }

    public void send(String text) {
        socket.writeTextMessage(text);
    }

    /** Subscribes and waits until the gateway has handled it (requests are handled in order). */
    public void subscribe(String topic) {
        int errorsBefore = framesOfType("error").size();
        send("{\"type\":\"subscribe\",\"topic\":\"" + topic + "\"}");
        send("{\"type\":\"barrier\"}");
        await().atMost(TIMEOUT).until(() -> framesOfType("error").size() > errorsBefore);
    }

    /** Sends {@code resume} and waits for its answer: a welcome with resumed:true, or a reset. */
    public void resume(String lastEventId) {
        send("{\"type\":\"resume\",\"lastEventId\":\"" + lastEventId + "\"}");
        await().atMost(TIMEOUT).until(() -> !framesOfType("reset").isEmpty()
                || framesOfType("welcome").stream().anyMatch(w -> w.path("resumed").asBoolean()));
    }

    /** Every event id received, in arrival order. */
    public List<String> eventIds() {
        return frames.stream().map(TestSocket::parse).filter(f -> f.hasNonNull("eventId"))
                .map(f -> f.get("eventId").asText()).toList();
    }

    /** The types of every frame received, in arrival order ("welcome+" for a resumed welcome). */
    public List<String> types() {
        return frames.stream().map(TestSocket::parse).map(f -> f.get("type").asText()
                + (f.path("resumed").asBoolean() ? "+" : "")).toList();
    }

    public String subprotocol() {
        return socket.subProtocol();
    }

    public List<String> frames() {
        return List.copyOf(frames);
    }

    public List<JsonNode> framesOfType(String type) {
        return frames.stream().map(TestSocket::parse).filter(f -> type.equals(f.path("type").asText())).toList();
    }

    /** Frames carrying this event id. */
    public List<JsonNode> framesWithEventId(String eventId) {
        return frames.stream().map(TestSocket::parse).filter(f -> eventId.equals(f.path("eventId").asText()))
                .toList();
    }

    public void awaitEvent(String eventId) {
        await().atMost(TIMEOUT).until(() -> !framesWithEventId(eventId).isEmpty());
    }

    public Short closeStatus() {
        return closeStatus;
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    private static JsonNode parse(String frame) {
        try {
            return Json.mapper().readTree(frame);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + frame, e);
        }
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            socket.close();
        }
        client.close();
    }
}
