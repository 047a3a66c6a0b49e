package dev.backchannel.processor.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where the next page of {@code GET /api/items} begins: after the item ({@code updatedAt}, {@code id})
 * in the listing's order, within the listing that began at {@code lastSeq}. Opaque to clients
 * (base64url text); a cursor that is not one of ours is a 400.
 */
record ItemsCursor(Instant updatedAt, String id, long lastSeq) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    String encode() {
        return ENCODER.encodeToString((updatedAt + "|" + id + "|" + lastSeq).getBytes(StandardCharsets.UTF_8));
    }

    static ItemsCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || parts[1].isEmpty() || parts[1].length() > 36) {
                throw new BadQueryProblem("cursor is not one this service gave out");
            }
            return new ItemsCursor(Instant.parse(parts[0]), parts[1], Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadQueryProblem("cursor is not one this service gave out");
        }
    }
}
