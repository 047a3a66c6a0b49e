package dev.backchannel.gateway.messaging;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * The text of an AMQP body as SmallRye hands it over: a JSON data section as a JsonObject, an
 * AmqpValue string as a String, other data sections as bytes or a Buffer.
 */
public final class MessageBodies {

    private MessageBodies() {
    }

    /** The body's text, or null when it is empty or of another kind. */
    public static String asText(Object body) {
        if (body instanceof JsonObject object) {
            return object.encode();
        }
        if (body instanceof String string) {
            return string;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof Buffer buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
        return null;
    }
}
