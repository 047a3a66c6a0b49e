package dev.backchannel.gateway.ws;

import dev.backchannel.gateway.routing.SocketOutput;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.WebSocketBase;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import org.jboss.logging.Logger;

/**
 * A real websocket connection as a {@link SocketOutput}. Frames are written straight to the
 * connection's Vert.x websocket: WebSockets Next's own {@code sendText} builds a Mutiny {@code Uni}
 * with context propagation for every frame, which on the push path cost more than the write itself
 * (see {@code docs/performance.md}). The Vert.x websocket is reached through WebSockets Next's
 * package-private accessor; should a later version lack it, frames go through {@code sendText}.
 */
final class ConnectionOutput implements SocketOutput {

    private static final Logger LOG = Logger.getLogger(ConnectionOutput.class);
    private static final MethodHandle WEB_SOCKET = webSocketAccessor();

    private final WebSocketConnection connection;
    private final WebSocketBase socket;

    ConnectionOutput(WebSocketConnection connection) {
        this.connection = connection;
        this.socket = webSocketOf(connection);
    }

    @Override
    public void sendText(String text, Runnable whenDone) {
        if (socket != null) {
            socket.writeTextMessage(text).onComplete(ignored -> whenDone.run());
        } else {
            connection.sendText(text).subscribe().with(sent -> whenDone.run(), failed -> whenDone.run());
        }
    }

    @Override
    public Uni<Void> close(int code, String reason) {
        return connection.close(new CloseReason(code, reason));
    }

    private static WebSocketBase webSocketOf(WebSocketConnection connection) {
        if (WEB_SOCKET == null) {
            return null;
        }
        try {
            return (WebSocketBase) WEB_SOCKET.invoke(connection);
        } catch (Throwable e) {
            return null;
        }
    }

    private static MethodHandle webSocketAccessor() {
        try {
            Class<?> base = Class.forName("io.quarkus.websockets.next.runtime.WebSocketConnectionBase");
            Method method = base.getDeclaredMethod("webSocket");
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.infof("writing frames through WebSockets Next's sendText (%s)", e.toString());
            return null;
        }
    }
}
