package dev.backchannel.gateway.routing;

import io.smallrye.mutiny.Uni;

/** Where one socket's frames go: the real websocket connection, or a fake in unit tests. */
public interface SocketOutput {

    /** Writes one text frame and runs {@code whenDone} once it was flushed to the network, or failed. */
    void sendText(String text, Runnable whenDone);

    /** Closes the socket with a close code from {@code dev.backchannel.schemas.CloseCodes}. */
    Uni<Void> close(int code, String reason);
}
