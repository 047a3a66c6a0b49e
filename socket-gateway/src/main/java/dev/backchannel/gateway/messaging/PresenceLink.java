package dev.backchannel.gateway.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.backchannel.gateway.config.GatewayConfig;
import dev.backchannel.gateway.presence.PresenceBroadcast;
import dev.backchannel.gateway.presence.PresenceService;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.PresenceMessage;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * This node's link to the other gateway nodes' presence: the multicast {@code presence} address,
 * non-durable messages with a short time to live, a non-durable subscription of this node (nothing
 * is kept for a node that is away). Sends never wait: a message dropped while the broker is away is
 * repaired by the next announcement. Also runs the periodic announcement and the dead-node sweep.
 */
@ApplicationScoped
public class PresenceLink implements PresenceBroadcast {

    private static final Logger LOG = Logger.getLogger(PresenceLink.class);
    private static final ObjectReader READER = Json.mapper().readerFor(PresenceMessage.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Inject
    @Channel("presence-out")
    @OnOverflow(value = OnOverflow.Strategy.DROP)
    Emitter<JsonObject> out;

    @Inject
    Instance<PresenceService> presence;

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    NodeIdentity identity;

    private long announceTimer = -1;
    private long sweepTimer = -1;

    @Override
    public void send(PresenceMessage message) {
        try {
            out.send(new JsonObject(Json.write(message))).whenComplete((done, failed) -> {
                if (failed != null) {
                    LOG.debugf("presence message not sent (the next announcement repairs it): %s", failed.getMessage());
                }
            });
        } catch (RuntimeException notSent) {
            LOG.debugf("presence message not sent (the next announcement repairs it): %s", notSent.getMessage());
        }
    }

    @Override
    public String nodeId() {
        return identity.nodeId();
    }

    @Incoming("presence-in")
    public void onPresence(JsonObject body) {
        PresenceMessage message;
        try {
            message = READER.readValue(body.encode());
        } catch (Exception unreadable) {
            LOG.debugf("ignoring an unreadable presence message: %s", unreadable.getMessage());
            return;
        }
        if (message.node() == null || message.kind() == null || message.entries() == null
                || message.entries().stream().anyMatch(e -> e.topic() == null || e.userId() == null
                        || e.since() == null || e.stateAt() == null)) {
            LOG.debugf("ignoring a presence message that breaks the schema from node %s", message.node());
            return;
        }
        presence.get().received(message);
    }

    void start(@Observes StartupEvent started) {
        long interval = Math.max(100, config.presence().announceInterval().toMillis());
        announceTimer = vertx.setPeriodic(0, interval, id -> presence.get().announce());
        sweepTimer = vertx.setPeriodic(Math.max(100, Math.min(1000, interval / 3)), id -> presence.get().dropSilentNodes());
    }

    void stop(@Observes ShutdownEvent stopping) {
        vertx.cancelTimer(announceTimer);
        vertx.cancelTimer(sweepTimer);
        presence.get().leave();
    }
}
