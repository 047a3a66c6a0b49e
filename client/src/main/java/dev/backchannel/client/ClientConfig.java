package dev.backchannel.client;

import dev.backchannel.client.http.TrustedCertificates;
import dev.backchannel.client.time.Backoff;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the system is and how patient the client is. {@link #forUser} gives the defaults of the
 * local run; the {@code with*} methods change one setting; {@link #overriddenBy} reads
 * {@code BACKCHANNEL_API_URL}, {@code BACKCHANNEL_QUERY_URL}, {@code BACKCHANNEL_SOCKET_URL} and the
 * trust store for HTTPS/WSS, {@code BACKCHANNEL_TRUSTSTORE} (with {@code BACKCHANNEL_TRUSTSTORE_PASSWORD}).
 *
 * @param apiUrl           api-command: sessions and commands (default {@code http://localhost:8081})
 * @param queryUrl         processor: items and command status (default {@code http://localhost:8082})
 * @param socketUrl        socket-gateway websocket (default {@code ws://localhost:8080/ws})
 * @param userId           who signs in: 1-64 characters of {@code [A-Za-z0-9._-]}
 * @param commandBackoff   waits between attempts of one command (default 200 ms doubling to 5 s, jittered)
 * @param maxAttempts      attempts per command, the first included (default 6)
 * @param reconnectBackoff waits before reconnecting the socket (default 500 ms doubling to 30 s, full jitter)
 * @param receiptTimeout   how long after {@code 202} an outcome may take before the receipt is unknown (default 30 s)
 * @param requestTimeout   timeout of each HTTP request and socket connect (default 10 s)
 * @param trust            the certificates trusted for {@code https://} and {@code wss://} (default: the JVM's);
 *                         {@code BACKCHANNEL_TRUSTSTORE} and {@code BACKCHANNEL_TRUSTSTORE_PASSWORD}
 */
public record ClientConfig(URI apiUrl, URI queryUrl, URI socketUrl, String userId, Backoff commandBackoff,
        int maxAttempts, Backoff reconnectBackoff, Duration receiptTimeout, Duration requestTimeout,
        Optional<TrustedCertificates> trust) {

    public ClientConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(queryUrl, "queryUrl");
        Objects.requireNonNull(socketUrl, "socketUrl");
        if (userId == null || !userId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("userId must be 1-64 characters of [A-Za-z0-9._-]: " + userId);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The defaults of the local run, for {@code userId}. */
    public static ClientConfig forUser(String userId) {
        return new ClientConfig(URI.create("http://localhost:8081"), URI.create("http://localhost:8082"),
                URI.create("ws://localhost:8080/ws"), userId,
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), 2.0), 6,
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0),
                Duration.ofSeconds(30), Duration.ofSeconds(10), Optional.empty());
    }

    /** This configuration with the URLs found in {@code environment} (for example {@code System.getenv()}). */
    public ClientConfig overriddenBy(Map<String, String> environment) {
        ClientConfig urls = withApiUrl(URI.create(environment.getOrDefault("BACKCHANNEL_API_URL", apiUrl.toString())))
                .withQueryUrl(URI.create(environment.getOrDefault("BACKCHANNEL_QUERY_URL", queryUrl.toString())))
                .withSocketUrl(URI.create(environment.getOrDefault("BACKCHANNEL_SOCKET_URL", socketUrl.toString())));
        String trustStore = environment.get("BACKCHANNEL_TRUSTSTORE");
        return trustStore == null || trustStore.isBlank() ? urls
                : urls.trusting(new TrustedCertificates(Path.of(trustStore.trim()),
                        environment.get("BACKCHANNEL_TRUSTSTORE_PASSWORD")));
    }

    /** This configuration for another user (same URLs, retries and trust). */
    public ClientConfig withUserId(String newUserId) {
        return new ClientConfig(apiUrl, queryUrl, socketUrl, newUserId, commandBackoff, maxAttempts, reconnectBackoff,
                receiptTimeout, requestTimeout, trust);
    }

    /** HTTPS and WSS trust {@code certificates} instead of the JVM's default trust store. */
    public ClientConfig trusting(TrustedCertificates certificates) {
        return new ClientConfig(apiUrl, queryUrl, socketUrl, userId, commandBackoff, maxAttempts, reconnectBackoff,
                receiptTimeout, requestTimeout, Optional.of(certificates));
    }

    public ClientConfig withApiUrl(URI url) {
        return new ClientConfig(url, queryUrl, socketUrl, userId, commandBackoff, maxAttempts, reconnectBackoff,
                receiptTimeout, requestTimeout, trust);
    }

    public ClientConfig withQueryUrl(URI url) {
        return new ClientConfig(apiUrl, url, socketUrl, userId, commandBackoff, maxAttempts, reconnectBackoff,
                receiptTimeout, requestTimeout, trust);
    }

    public ClientConfig withSocketUrl(URI url) {
        return new ClientConfig(apiUrl, queryUrl, url, userId, commandBackoff, maxAttempts, reconnectBackoff,
                receiptTimeout, requestTimeout, trust);
    }

    public ClientConfig withCommandRetries(Backoff backoff, int attempts) {
        return new ClientConfig(apiUrl, queryUrl, socketUrl, userId, backoff, attempts, reconnectBackoff,
                receiptTimeout, requestTimeout, trust);
    }

    public ClientConfig withReconnectBackoff(Backoff backoff) {
        return new ClientConfig(apiUrl, queryUrl, socketUrl, userId, commandBackoff, maxAttempts, backoff,
                receiptTimeout, requestTimeout, trust);
    }

    public ClientConfig withReceiptTimeout(Duration timeout) {
        return new ClientConfig(apiUrl, queryUrl, socketUrl, userId, commandBackoff, maxAttempts, reconnectBackoff,
                timeout, requestTimeout, trust);
    }

    public ClientConfig withRequestTimeout(Duration timeout) {
        return new ClientConfig(apiUrl, queryUrl, socketUrl, userId, commandBackoff, maxAttempts, reconnectBackoff,
                receiptTimeout, timeout, trust);
    }
}
