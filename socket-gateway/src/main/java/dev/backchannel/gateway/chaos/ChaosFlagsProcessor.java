package dev.backchannel.gateway.chaos;

import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies chaos flags from the multicast {@code chaos} address (a non-durable subscription of this
 * node; the broker hands a new subscriber the last flags published). Flags that break the schema are
 * ignored, with one log line.
 */
@ApplicationScoped
public class ChaosFlagsProcessor {

    private static final Logger LOG = Logger.getLogger(ChaosFlagsProcessor.class);

    private final GatewayChaos chaos;

    public ChaosFlagsProcessor(GatewayChaos chaos) {
        this.chaos = chaos;
    }

    @Incoming(Addresses.CHAOS)
    public void onChaosFlags(Object body) {
        String json = text(body);
        if (json == null || !SchemaValidator.instance().violations(MessageSchema.CHAOS_FLAGS, json).isEmpty()) {
            LOG.warnf("ignoring chaos flags that do not match the schema: %s", json);
            return;
        }
        ChaosFlags flags = Json.read(json, ChaosFlags.class);
        chaos.apply(flags);
        LOG.infof("chaos flags received (%s here): gatewayDisconnectRate=%s",
                chaos.enabled() ? "applied" : "ignored, chaos disabled", flags.gatewayDisconnectRate());
    }

    private static String text(Object body) {
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
