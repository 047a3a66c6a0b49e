package dev.backchannel.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import java.io.UncheckedIOException;

/** Serialises a frame the gateway makes itself (welcome, reset, error) the one way the contract defines, with its {@code type}. */
public final class FrameText {

    private static final ObjectWriter WRITER = Json.mapper().writerFor(Frame.class);

    private FrameText() {
    }

    public static String of(Frame frame) {
        try {
            return WRITER.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
