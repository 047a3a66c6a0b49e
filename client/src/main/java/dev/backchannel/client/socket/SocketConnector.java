package dev.backchannel.client.socket;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Opens a websocket that authenticates with a bearer token. The future fails with
 * {@link HandshakeRefusedException} when the server refuses the upgrade (401 for a bad token).
 */
@FunctionalInterface
public interface SocketConnector {

    CompletableFuture<SocketConnection> connect(URI url, String token, SocketEvents events);
}
