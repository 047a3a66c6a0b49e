package dev.backchannel.client.socket;

/** The server answered the websocket upgrade with an HTTP status instead of switching protocols. */
public final class HandshakeRefusedException extends RuntimeException {

    private final int status;

    public HandshakeRefusedException(int status, Throwable cause) {
        super("websocket upgrade refused with " + status, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
