package dev.backchannel.client.testing;

import dev.backchannel.client.socket.SocketConnection;
import dev.backchannel.client.socket.SocketConnector;
import dev.backchannel.client.socket.SocketEvents;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Opens pretend sockets at once (or fails the next connect as told) and lets a test play the server. */
public final class FakeConnector implements SocketConnector {

    /** One pretend socket: what the client sent on it, and the server's side of it. */
    public static final class Socket implements SocketConnection {
        public final String token;
        public final SocketEvents server;
        public final List<String> sent = new CopyOnWriteArrayList<>();
        public final URI url;
        public final String subprotocol;
        public volatile Integer closedByClient;

        Socket(String token, SocketEvents server, URI url, String subprotocol) {
            this.token = token;
            this.server = server;
            this.url = url;
            this.subprotocol = subprotocol;
        }

        @Override
        public String subprotocol() {
            return subprotocol;
        }

        @Override
        public void send(String text) {
            sent.add(text);
        }

        @Override
        public void close(int code, String reason) {
            closedByClient = code;
        }
    }

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private volatile String answers = "backchannel.v1";

    /** The subprotocol the pretend gateway answers from now on. */
    public void answer(String subprotocol) {
        answers = subprotocol;
    }

    /** The next connect fails with {@code error}. */
    public synchronized void failNext(Throwable error) {
        failures.add(error);
    }

    @Override
    public CompletableFuture<SocketConnection> connect(URI url, String token, SocketEvents events) {
        synchronized (this) {
            if (!failures.isEmpty()) {
                return CompletableFuture.failedFuture(failures.remove(0));
            }
        }
        Socket socket = new Socket(token, events, url, answers);
        sockets.add(socket);
        return CompletableFuture.completedFuture(socket);
    }

    public List<Socket> sockets() {
        return sockets;
    }

    public Socket last() {
        return sockets.get(sockets.size() - 1);
    }
}
