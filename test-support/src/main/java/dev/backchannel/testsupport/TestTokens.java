package dev.backchannel.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Mints JWTs the way the demo identity provider does, plus the broken kinds tests need. */
public final class TestTokens {

    public static final String ISSUER = "backchannel";

    private TestTokens() {
    }

    /** A valid token for {@code userId}, good for an hour. */
    public static String forUser(String userId) {
        return signed(userId, Instant.now().plus(Duration.ofHours(1)));
    }

    /** A token signed correctly but expired {@code ago}. */
    public static String expired(String userId, Duration ago) {
        return signed(userId, Instant.now().minus(ago));
    }

    /** A token that expires at {@code expiresAt}. */
    public static String expiringAt(String userId, Instant expiresAt) {
        return signed(userId, expiresAt);
    }

    /** A valid token whose payload was changed to another user after signing. */
    public static String tampered(String userId, String claimedUserId) {
        String[] parts = forUser(userId).split("\\.");
        String payload = b64(claims(claimedUserId, Instant.now().plus(Duration.ofHours(1))));
        return parts[0] + "." + payload + "." + parts[2];
    }

    /** A token with {@code alg: none} and no signature. */
    public static String unsigned(String userId) {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + b64(claims(userId, Instant.now().plus(Duration.ofHours(1)))) + ".";
    }

    private static String signed(String userId, Instant expiresAt) {
        String signingInput = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(claims(userId, expiresAt));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(TestKeys.privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String claims(String userId, Instant expiresAt) {
        long exp = expiresAt.getEpochSecond();
        long iat = Math.min(Instant.now().getEpochSecond(), exp - 1);
        return "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + userId + "\",\"upn\":\"" + userId
                + "\",\"groups\":[\"user\"],\"iat\":" + iat + ",\"exp\":" + exp
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
