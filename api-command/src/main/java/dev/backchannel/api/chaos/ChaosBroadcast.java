package dev.backchannel.api.chaos;

import dev.backchannel.api.problem.ApiProblem;
import dev.backchannel.api.config.ApiConfig;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Json;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Chaos flags travel on the multicast {@code chaos} address, which keeps the last value for
 * services that start later. This instance publishes changes there and applies what arrives,
 * its own changes included, like every other service.
 */
@ApplicationScoped
public class ChaosBroadcast {

    private static final Logger LOG = Logger.getLogger(ChaosBroadcast.class);

    private final MutinyEmitter<JsonObject> outgoing;
    private final ApiChaos chaos;
    private final ApiConfig config;

    ChaosBroadcast(@Channel("chaos-out") MutinyEmitter<JsonObject> outgoing, ApiChaos chaos,
            ApiConfig config) {
        this.outgoing = outgoing;
        this.chaos = chaos;
        this.config = config;
    }

    /** Publishes {@code flags} durably and applies them here at once. */
    void publish(ChaosFlags flags) {
        Message<JsonObject> message = Message.of(new JsonObject(Json.write(flags)),
                Metadata.of(OutgoingAmqpMetadata.builder().withDurable(true).withContentType("application/json")
                        .build()));
        try {
            outgoing.sendMessage(message).await().atMost(config.enqueueTimeout());
        } catch (RuntimeException e) {
            LOG.warnf("chaos flags not published: %s", e.toString());
            throw ApiProblem.unavailable(config.unavailableRetryAfterSeconds());
        }
        chaos.apply(flags);
    }

    @Incoming("chaos-in")
    void receive(JsonObject body) {
        chaos.receive(body);
    }
}
