package dev.backchannel.client.http;

import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The chaos flags of the whole system: {@code GET/PUT {api}/api/chaos} with the user's bearer token.
 * A {@code 404} means chaos is disabled on the server: {@link #current()} is then empty and
 * {@link #change} fails with {@link ChaosDisabledException}; any other refusal (403 for a user who may
 * not change them, 400 for flags out of range) fails with {@link ProblemException}.
 */
public final class ChaosApi {

    private final HttpClient http;
    private final URI chaosUri;
    private final TokenSource tokens;
    private final Duration timeout;

    public ChaosApi(HttpClient http, URI apiUrl, TokenSource tokens, Duration timeout) {
        this.http = http;
        this.chaosUri = Endpoints.at(apiUrl, Endpoints.CHAOS);
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

    /** Replaces every flag; completes with the flags the server applied (every service follows within a second). */
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

    private CompletableFuture<HttpResponse<String>> send(UnaryOperator<HttpRequest.Builder> method) {
        return tokens.token().thenCompose(token -> http.sendAsync(
                method.apply(HttpRequest.newBuilder(chaosUri).timeout(timeout).header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static ChaosFlags read(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new ProblemException("chaos flags", ProblemException.problemOf(response));
        }
        return SchemaValidator.instance().readValid(MessageSchema.CHAOS_FLAGS, response.body(), ChaosFlags.class);
    }

    /** The server answered 404: chaos is not enabled in its configuration. */
    public static final class ChaosDisabledException extends RuntimeException {
        public ChaosDisabledException() {
            super("chaos is disabled on this server");
        }
    }
}
