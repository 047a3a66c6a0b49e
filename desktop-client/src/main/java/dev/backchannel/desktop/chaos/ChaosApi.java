package dev.backchannel.desktop.chaos;

import dev.backchannel.client.http.Endpoints;
import dev.backchannel.client.http.ProblemException;
import dev.backchannel.client.http.TokenSource;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET/PUT {api}/api/chaos} with the user's bearer token. The client library has no chaos
 * call yet; this belongs there and can move as it is. A {@code 404} means chaos is disabled on the
 * server: {@link #current()} is then empty and {@link #change} fails with {@link ChaosDisabledException}.
 */
public final class ChaosApi {

    public static final String CHAOS = "/api/chaos";

    private final HttpClient http;
    private final URI chaosUri;
    private final TokenSource tokens;
    private final Duration timeout;

    public ChaosApi(HttpClient http, URI apiUrl, TokenSource tokens, Duration timeout) {
        this.http = http;
        this.chaosUri = Endpoints.at(apiUrl, CHAOS);
        this.tokens = tokens;
        this.timeout = timeout;
    }

    /** The flags in force, or empty when chaos is disabled on the server. */
    public CompletableFuture<Optional<ChaosFlags>> current() {
        return send(request -> request.GET()).thenApply(response -> {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            return Optional.of(read(response));
        });
    }

    /** Replaces every flag; completes with the flags the server applied. */
    public CompletableFuture<ChaosFlags> change(ChaosFlags flags) {
        String body = Json.write(flags);
        return send(request -> request.header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))).thenApply(response -> {
                    if (response.statusCode() == 404) {
                        throw new ChaosDisabledException();
                    }
                    return read(response);
                });
    }

    private CompletableFuture<HttpResponse<String>> send(
            java.util.function.UnaryOperator<HttpRequest.Builder> method) {
        return tokens.token().thenCompose(token -> http.sendAsync(
                method.apply(HttpRequest.newBuilder(chaosUri).timeout(timeout).header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static ChaosFlags read(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new ProblemException("chaos flags", ProblemException.problemOf(response));
        }
        return Json.read(response.body(), ChaosFlags.class);
    }

    /** The server answered 404: chaos is not enabled in its configuration. */
    public static final class ChaosDisabledException extends RuntimeException {
        public ChaosDisabledException() {
            super("chaos is disabled on this server");
        }
    }
}
