package dev.backchannel.client.http;

import java.util.concurrent.CompletableFuture;

/** Where REST calls and the socket get their bearer token. */
public interface TokenSource {

    /** A token that is not about to expire; signs in again first when it is. */
    CompletableFuture<String> token();

    /** Signs in again now (for example after the gateway closed with TOKEN_EXPIRED). */
    CompletableFuture<String> refresh();
}
