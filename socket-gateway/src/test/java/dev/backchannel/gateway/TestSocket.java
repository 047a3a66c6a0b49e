package dev.backchannel.gateway;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.schemas.Json;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A real websocket client (the JDK's, as the client library uses) on the test port that keeps every frame it received. */
public final class TestSocket implements AutoCloseable {

    public static final String SUBPROTOCOL = "backchannel.v1";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile Short closeStatus;

    private TestSocket() {
    }

    /** Connects the way a browser does: the token rides in the second subprotocol. */
    public static TestSocket asBrowser(Vertx vertx, URI ws, String token) throws Exception {
        return connect(vertx, options(ws).addSubProtocol(SUBPROTOCOL)
                .addSubProtocol("quarkus-http-upgrade#Authorization#Bearer%20" + token));
    }

    /** Connects as a v2 browser: offers backchannel.v2 first, then v1, with the upgrade query (may be empty). */
    public static TestSocket asV2(Vertx vertx, URI ws, String token, String query) throws Exception {
        WebSocketConnectOptions options = options(ws).addSubProtocol("backchannel.v2").addSubProtocol(SUBPROTOCOL)
                .addSubProtocol("quarkus-http-upgrade#Authorization#Bearer%20" + token);
        if (query != null && !query.isEmpty()) {
            options.setURI(ws.getPath() + "?" + query);
        }
        return connect(vertx, options);
    }

    /** A v2 socket that got its welcome. */
    public static TestSocket welcomedV2(Vertx vertx, URI ws, String token) throws Exception {
        TestSocket socket = asV2(vertx, ws, token, "");
        await().atMost(TIMEOUT).until(() -> !socket.framesOfType("welcome").isEmpty());
        return socket;
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
        return new WebSocketConnectOptions().setHost(ws.getHost()).setPort(ws.getPort()).setURI(ws.getPath())
                .setAllowOriginHeader(false);
    }

    /**
     * Connects with the JDK's websocket client (the client library's), whose listener is in place
     * before the upgrade, so no early frame (the welcome) can be missed; the options say the path,
     * headers and subprotocols. A refused upgrade fails as Vert.x's client does: an
     * {@link ExecutionException} whose cause is an {@link UpgradeRejectedException} with the status.
     */
    public static TestSocket connect(Vertx vertx, WebSocketConnectOptions options) throws Exception {
        TestSocket test = new TestSocket();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (options.getHeaders() != null) {
            options.getHeaders().forEach(header -> builder.header(header.getKey(), header.getValue()));
        }
        List<String> subprotocols = options.getSubProtocols() == null ? List.of() : options.getSubProtocols();
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        URI uri = URI.create("ws://" + options.getHost() + ":" + options.getPort() + options.getURI());
        try {
            test.socket = builder.buildAsync(uri, test.listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return test;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                int status = refused.getResponse().statusCode();
                throw new ExecutionException(new UpgradeRejectedException("upgrade refused with " + status, status,
                        MultiMap.caseInsensitiveMultiMap(), null));
            }
            throw e;
        }
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket webSocket) {
                webSocket.request(Long.MAX_VALUE);
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                synchronized (partial) {
                    partial.append(data);
                    if (last) {
                        frames.add(partial.toString());
                        partial.setLength(0);
                    }
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closeStatus = (short) statusCode;
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                if (closeStatus == null) {
                    closeStatus = (short) 1006;
                }
            }
        };
    }

    public synchronized void send(String text) {
        try {
            socket.sendText(text, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + text, e);
        }
    }

    /** Subscribes and waits until the gateway has handled it (requests are handled in order). */
    public void subscribe(String topic) {
        int errorsBefore = framesOfType("error").size();
        send("{\"type\":\"subscribe\",\"topic\":\"" + topic + "\"}");
        send("{\"type\":\"barrier\"}");
        await().atMost(TIMEOUT).until(() -> framesOfType("error").size() > errorsBefore);
    }

    /** Sends a request and waits until the gateway handled it and the ones before (requests are handled in order). */
    public void sendAndBarrier(String request) {
        int errorsBefore = framesOfType("error").size();
        send(request);
        send("{\"type\":\"barrier\"}");
        await().atMost(TIMEOUT).until(() -> framesOfType("error").size() > errorsBefore);
    }

    /** Waits for a frame of this type that matches, and returns it. */
    public JsonNode awaitFrame(String type, java.util.function.Predicate<JsonNode> matching) {
        await().atMost(TIMEOUT).until(() -> framesOfType(type).stream().anyMatch(matching));
        return framesOfType(type).stream().filter(matching).findFirst().orElseThrow();
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
        return socket.getSubprotocol();
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
        return closeStatus != null || socket.isInputClosed();
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
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }
    }
}
