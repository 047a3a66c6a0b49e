package dev.backchannel.processor;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * The text of an AMQP body as SmallRye hands it over: a JSON data section arrives as a JsonObject,
 * an AmqpValue string as a String, other data sections as bytes or a Buffer.
 */
public final class MessageBodies {

    private MessageBodies() {
    }

    public static String asText(Object payload) {
        if (payload == null) {
            return "";
        }
        if (payload instanceof String text) {
            return text;
        }
        if (payload instanceof JsonObject object) {
            return object.encode();
        }
        if (payload instanceof JsonArray array) {
            return array.encode();
        }
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (payload instanceof Buffer buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
        return String.valueOf(payload);
    }
}
