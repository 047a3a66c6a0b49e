package dev.backchannel.gateway.routing;

/** One serialised event frame, its source and its event id (ids sort within the source). */
public record EventFrame(String source, String eventId, String text) {
}
