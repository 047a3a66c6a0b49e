package dev.backchannel.gateway.ws;

import dev.backchannel.gateway.routing.SocketOutput;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/** A real websocket connection as a {@link SocketOutput}. */
record ConnectionOutput(WebSocketConnection connection) implements SocketOutput {

    @Override
    public Uni<Void> sendText(String text) {
        return connection.sendText(text);
    }

    @Override
    public Uni<Void> close(int code, String reason) {
        return connection.close(new CloseReason(code, reason));
    }
}
