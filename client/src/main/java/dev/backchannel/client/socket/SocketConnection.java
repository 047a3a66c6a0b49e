package dev.backchannel.client.socket;

import dev.backchannel.schemas.Subprotocols;

/** An open websocket, as {@link SocketSession} uses it. */
public interface SocketConnection {

    /** Queues one text message; messages go out in the order they were queued. */
    void send(String text);

    void close(int code, String reason);

    /** The subprotocol the server answered ({@code backchannel.v1} unless it answered v2). */
    default String subprotocol() {
        return Subprotocols.V1;
    }
}
