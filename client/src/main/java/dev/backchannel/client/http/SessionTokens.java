package dev.backchannel.client.http;

import dev.backchannel.client.time.Scheduler;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.schemas.Session;
import dev.backchannel.schemas.SessionRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Signs one user in with {@code POST {api}/api/sessions} and keeps the token fresh: a token with
 * less than a fifth of its life (at most 30 s) left is replaced before it is handed out.
 */
public final class SessionTokens implements TokenSource {

    private static final Duration MAX_MARGIN = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI sessionsUri;
    private final String userId;
    private final Duration timeout;
    private final Scheduler clock;

    private volatile Session session;
    private volatile Instant obtainedAt;
    private CompletableFuture<Session> signingIn;

    public SessionTokens(HttpClient http, URI apiUrl, String userId, Duration timeout, Scheduler clock) {
        this.http = http;
        this.sessionsUri = Endpoints.at(apiUrl, Endpoints.SESSIONS);
        this.userId = userId;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<String> token() {
        Session current = session;
        if (current != null && clock.now().isBefore(current.expiresAt().minus(margin(current)))) {
            return CompletableFuture.completedFuture(current.token());
        }
        return refresh();
    }

    @Override
    public synchronized CompletableFuture<String> refresh() {
        if (signingIn == null || signingIn.isDone()) {
            signingIn = signIn();
        }
        return signingIn.thenApply(Session::token);
    }

    /** The last session obtained, or null before the first sign-in. */
    public Session session() {
        return session;
    }

    private CompletableFuture<Session> signIn() {
        HttpRequest request = HttpRequest.newBuilder(sessionsUri).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(new SessionRequest(userId)))).build();
        Instant asked = clock.now();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 201 && response.statusCode() != 200) {
                throw new ProblemException("sign-in of " + userId + " refused", ProblemException.problemOf(response));
            }
            Session signedIn = SchemaValidator.instance().readValid(MessageSchema.SESSION, response.body(), Session.class);
            obtainedAt = asked;
            session = signedIn;
            return signedIn;
        });
    }

    private Duration margin(Session current) {
        Duration fifth = Duration.between(obtainedAt, current.expiresAt()).dividedBy(5);
        return fifth.compareTo(MAX_MARGIN) < 0 ? fifth : MAX_MARGIN;
    }
}
