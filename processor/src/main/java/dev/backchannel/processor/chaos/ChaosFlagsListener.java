package dev.backchannel.processor.chaos;

import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.processor.MessageBodies;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Applies the chaos flags published on {@link Addresses#CHAOS} (the last value arrives on start). */
@ApplicationScoped
public class ChaosFlagsListener {

    private static final Logger LOG = Logger.getLogger(ChaosFlagsListener.class);

    private final ChaosSwitchboard switchboard;

    ChaosFlagsListener(ChaosSwitchboard switchboard) {
        this.switchboard = switchboard;
    }

    @Incoming(Addresses.CHAOS)
    void receive(Object body) {
        String json = MessageBodies.asText(body);
        if (!SchemaValidator.instance().violations(MessageSchema.CHAOS_FLAGS, json).isEmpty()) {
            LOG.warnf("ignoring chaos flags that do not match the schema: %s", json);
            return;
        }
        switchboard.apply(Json.read(json, ChaosFlags.class));
    }
}
