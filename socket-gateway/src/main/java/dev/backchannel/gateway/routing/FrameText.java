package dev.backchannel.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Serialises a frame the one way the contract defines, with its {@code type}. */
public final class FrameText {

    private static final ObjectWriter WRITER = Json.mapper().writerFor(Frame.class);

    private FrameText() {
    }

    /** An event frame stamped with {@code timing.pushedAt}; any other frame as it is. */
    public static String ofPushed(Frame frame, Instant pushedAt) {
        return of(frame instanceof Frame.Event event ? event.pushedAt(pushedAt) : frame);
    }

    public static String of(Frame frame) {
        try {
            return WRITER.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
