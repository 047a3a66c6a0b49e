package dev.backchannel.gateway.chaos;

import dev.backchannel.gateway.messaging.MessageBodies;

import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import jakarta.enterprise.context.ApplicationScoped;
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
        String json = MessageBodies.asText(body);
        if (json == null || !SchemaValidator.instance().violations(MessageSchema.CHAOS_FLAGS, json).isEmpty()) {
            LOG.warnf("ignoring chaos flags that do not match the schema: %s", json);
            return;
        }
        ChaosFlags flags = Json.read(json, ChaosFlags.class);
        chaos.apply(flags);
        LOG.infof("chaos flags received (%s here): gatewayDisconnectRate=%s",
                chaos.enabled() ? "applied" : "ignored, chaos disabled", flags.gatewayDisconnectRate());
    }
}
