package dev.backchannel.desktop.testing;

import dev.backchannel.client.socket.SocketConnection;
import dev.backchannel.client.socket.SocketConnector;
import dev.backchannel.client.socket.SocketEvents;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays the socket-gateway for clients in the same process: answers {@code subscribe} with a
 * welcome, pushes command outcomes to the sockets of their user and item changes to every socket.
 * The user of a socket is read from its token ({@code t.<user>.s}, as {@link FakeBackchannel} signs in).
 */
public final class FakeGateway implements SocketConnector {

    /** One open pretend socket. */
    public final class Socket implements SocketConnection {
        final String userId;
        final SocketEvents client;
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile boolean open = true;

        Socket(String userId, SocketEvents client) {
            this.userId = userId;
            this.client = client;
        }

        @Override
        public void send(String text) {
            sent.add(text);
            if (text.contains("\"subscribe\"")) {
                CompletableFuture.runAsync(() -> deliver(new Frame.Welcome("conn-" + sockets.indexOf(this), userId,
                        false)));
            }
        }

        @Override
        public void close(int code, String reason) {
            open = false;
        }

        void deliver(Frame frame) {
            if (!open) {
                return;
            }
            synchronized (held) {
                if (heldUsers.contains(userId)) {
                    held.add(() -> deliver(frame));
                    return;
                }
            }
            client.onText(Json.write(frame));
        }

        /** The server drops this socket (code 1006: no close frame). */
        public void drop() {
            open = false;
            client.onClosed(1006, "dropped by the test");
        }
    }

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> heldUsers = new java.util.HashSet<>();
    private final List<Runnable> held = new java.util.ArrayList<>();

    /** Frames for {@code userId} wait until {@link #release} (a slow network, for a conflict on purpose). */
    public void hold(String userId) {
        synchronized (held) {
            heldUsers.add(userId);
        }
    }

    /** Delivers what was held for {@code userId}, in order, and stops holding. */
    public void release(String userId) {
        List<Runnable> waiting;
        synchronized (held) {
            heldUsers.remove(userId);
            waiting = new java.util.ArrayList<>(held);
            held.clear();
        }
        waiting.forEach(Runnable::run);
    }

    @Override
    public CompletableFuture<SocketConnection> connect(URI url, String token, SocketEvents events) {
        Socket socket = new Socket(token.split("\\.")[1], events);
        sockets.add(socket);
        return CompletableFuture.completedFuture(socket);
    }

    /** Sends {@code frame} to every open socket of {@code userId}. */
    public void toUser(String userId, Frame frame) {
        sockets.stream().filter(s -> s.open && s.userId.equals(userId)).forEach(s -> s.deliver(frame));
    }

    /** Sends {@code frame} to every open socket (all subscribe to items). */
    public void toEveryone(Frame frame) {
        sockets.stream().filter(s -> s.open).forEach(s -> s.deliver(frame));
    }

    public List<Socket> sockets() {
        return sockets;
    }
}
