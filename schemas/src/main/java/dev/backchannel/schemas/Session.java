package dev.backchannel.schemas;

import java.time.Instant;

/** Answer of {@code POST /api/sessions}: a signed token for the user. */
public record Session(String userId, String token, Instant expiresAt) {
}
