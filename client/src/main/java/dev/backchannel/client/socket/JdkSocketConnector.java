package dev.backchannel.client.socket;

import dev.backchannel.schemas.Subprotocols;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Opens sockets with {@link java.net.http.WebSocket}, authenticating as a browser does: it offers
 * the subprotocols {@code backchannel.v2}, {@value #SUBPROTOCOL} and
 * {@code quarkus-http-upgrade#Authorization#Bearer%20<token>}; the connection says which one the
 * gateway answered.
 */
public final class JdkSocketConnector implements SocketConnector {

    public static final String SUBPROTOCOL = Subprotocols.V1;
    public static final String BEARER_SUBPROTOCOL_PREFIX = Subprotocols.BEARER_PREFIX;

    private final HttpClient http;
    private final Duration connectTimeout;

    public JdkSocketConnector(HttpClient http, Duration connectTimeout) {
        this.http = http;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public CompletableFuture<SocketConnection> connect(URI url, String token, SocketEvents events) {
        return http.newWebSocketBuilder()
                .connectTimeout(connectTimeout)
                .subprotocols(Subprotocols.V2, SUBPROTOCOL, BEARER_SUBPROTOCOL_PREFIX + token)
                .buildAsync(url, new Listener(events))
                .<SocketConnection>thenApply(Connection::new)
                .exceptionally(error -> {
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    if (cause instanceof WebSocketHandshakeException refused) {
                        throw new HandshakeRefusedException(refused.getResponse().statusCode(), refused);
                    }
                    throw error instanceof CompletionException done ? done : new CompletionException(cause);
                });
    }

    /** Sends one message at a time, as {@link WebSocket} requires. */
    private static final class Connection implements SocketConnection {
        private final WebSocket socket;
        private CompletableFuture<WebSocket> lastSend;

        Connection(WebSocket socket) {
            this.socket = socket;
            this.lastSend = CompletableFuture.completedFuture(socket);
        }

        @Override
        public String subprotocol() {
            String answered = socket.getSubprotocol();
            return answered == null || answered.isEmpty() ? SUBPROTOCOL : answered;
        }

        @Override
        public synchronized void send(String text) {
            lastSend = lastSend.handle((ws, error) -> socket).thenCompose(ws -> ws.sendText(text, true));
        }

        @Override
        public synchronized void close(int code, String reason) {
            lastSend = lastSend.handle((ws, error) -> socket).thenCompose(ws -> ws.sendClose(code, reason))
                    .whenComplete((ws, error) -> socket.abort());
        }
    }

    /** Joins partial text messages and hands whole ones on. */
    private static final class Listener implements WebSocket.Listener {
        private final SocketEvents events;
        private final StringBuilder partial = new StringBuilder();

        Listener(SocketEvents events) {
            this.events = events;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                events.onText(text);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            events.onClosed(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            events.onError(error);
        }
    }
}
