package dev.backchannel.client.socket;

/** An open websocket, as {@link SocketSession} uses it. */
public interface SocketConnection {

    /** Queues one text message; messages go out in the order they were queued. */
    void send(String text);

    void close(int code, String reason);
}
