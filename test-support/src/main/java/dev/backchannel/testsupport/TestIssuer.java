package dev.backchannel.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small external OIDC-style token issuer for tests: RS256 keys made here, published as a JWKS at
 * {@code /jwks}, tokens minted at {@code /token} ({@code sub}, {@code aud}, {@code iss}, {@code ttl}
 * seconds, negative for an expired one, and {@code claim}/{@code value} for one more claim), keys
 * rotated at {@code /rotate} (a new key id; the old key leaves the JWKS). Everything goes over HTTP,
 * so a test reaches the issuer its Quarkus test resource started from another class loader.
 */
public final class TestIssuer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile SigningKey key = SigningKey.generate();

    private TestIssuer(HttpServer server) {
        this.server = server;
    }

    /** Starts an issuer on a free loopback port. */
    public static TestIssuer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestIssuer issuer = new TestIssuer(server);
            server.createContext("/jwks", issuer::jwks);
            server.createContext("/token", issuer::token);
            server.createContext("/rotate", issuer::rotate);
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer's identifier, its tokens' {@code iss}: {@code http://127.0.0.1:<port>}. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwksUrl() {
        return issuer() + "/jwks";
    }

    /** How often the JWKS was fetched. */
    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** A token signed with the current key: {@code claims} over the defaults ({@code iss} this issuer, an hour). */
    public String mint(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>();
        long now = Instant.now().getEpochSecond();
        all.put("iss", issuer());
        all.put("iat", now);
        all.put("exp", now + 3600);
        all.put("jti", UUID.randomUUID().toString());
        all.putAll(claims);
        return key.sign(all);
    }

    /** Signs with a new key of a new key id from now on; the JWKS lists only the new key. */
    public void rotate() {
        key = SigningKey.generate();
    }

    /**
     * A token from the issuer at {@code issuerUrl} (over HTTP, from any class loader): {@code query}
     * as in {@code sub=alice&aud=backchannel&ttl=-120}.
     */
    public static String fetchToken(String issuerUrl, String query) {
        return call(URI.create(issuerUrl + "/token?" + query));
    }

    /** Rotates the keys of the issuer at {@code issuerUrl} (over HTTP). */
    public static void rotate(String issuerUrl) {
        call(URI.create(issuerUrl + "/rotate"));
    }

    private static String call(URI uri) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void jwks(HttpExchange exchange) throws IOException {
        jwksFetches.incrementAndGet();
        answer(exchange, "application/json", "{\"keys\":[" + key.jwk() + "]}");
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Map<String, Object> claims = new HashMap<>();
        if (query.containsKey("sub")) {
            claims.put("sub", query.get("sub"));
        }
        if (query.containsKey("aud")) {
            claims.put("aud", query.get("aud"));
        }
        if (query.containsKey("iss")) {
            claims.put("iss", query.get("iss"));
        }
        if (query.containsKey("ttl")) {
            long now = Instant.now().getEpochSecond();
            long exp = now + Long.parseLong(query.get("ttl"));
            claims.put("exp", exp);
            claims.put("iat", Math.min(now, exp - 60));
        }
        if (query.containsKey("claim")) {
            claims.put(query.get("claim"), query.get("value"));
        }
        answer(exchange, "text/plain", mint(claims));
    }

    private void rotate(HttpExchange exchange) throws IOException {
        rotate();
        answer(exchange, "text/plain", key.kid());
    }

    private static void answer(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One RSA key pair and its key id. */
    private record SigningKey(String kid, KeyPair pair) {

        static SigningKey generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return new SigningKey(UUID.randomUUID().toString(), generator.generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        String jwk() {
            RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
            return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
                    + unsigned(pub.getModulus().toByteArray()) + "\",\"e\":\""
                    + unsigned(pub.getPublicExponent().toByteArray()) + "\"}";
        }

        String sign(Map<String, Object> claims) {
            String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}");
            String signingInput = header + "." + b64(json(claims));
            try {
                Signature signature = Signature.getInstance("SHA256withRSA");
                signature.initSign(pair.getPrivate());
                signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String json(Map<String, Object> claims) {
            StringBuilder json = new StringBuilder("{");
            claims.forEach((name, value) -> {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append('"').append(name).append("\":");
                json.append(value instanceof Number ? value.toString()
                        : "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
            });
            return json.append('}').toString();
        }

        private static String unsigned(byte[] bytes) {
            int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
        }

        private static String b64(String text) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
