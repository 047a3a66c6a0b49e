package dev.backchannel.gateway.routing;

/** One serialised event frame and its event id. */
public record EventFrame(String eventId, String text) {
}
