package dev.backchannel.schemas;

/** Body of {@code POST /api/sessions}. */
public record SessionRequest(String userId) {
}
