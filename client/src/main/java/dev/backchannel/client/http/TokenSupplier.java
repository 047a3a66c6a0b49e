package dev.backchannel.client.http;

/**
 * A bearer token the application obtained itself (from its OIDC login, a token file, a secret
 * store) instead of the demo sign-in. The client asks for one whenever it needs a token: before
 * each request and each socket connect, and again when the gateway closed a socket because its
 * token expired, so a supplier that returns the newest token it holds keeps the client signed in.
 * Called on the client's threads; it should answer quickly.
 */
@FunctionalInterface
public interface TokenSupplier {

    /** The current token (a JWT), never null. */
    String token();
}
