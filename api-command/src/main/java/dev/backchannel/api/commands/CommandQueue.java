package dev.backchannel.api.commands;

import dev.backchannel.api.config.ApiConfig;
import dev.backchannel.api.problem.ApiProblem;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.QueuedCommand;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Hands a command to the broker on {@link Addresses#COMMANDS}: durable, delayed, grouped by user
 * (so one user's commands keep their order), with the commandId as Artemis duplicate id (so a
 * command sent twice is queued once). Returns only once the broker has settled the message.
 */
@ApplicationScoped
public class CommandQueue {

    private static final Logger LOG = Logger.getLogger(CommandQueue.class);

    private final MutinyEmitter<JsonObject> commands;
    private final ApiConfig config;

    CommandQueue(@Channel(Addresses.COMMANDS) MutinyEmitter<JsonObject> commands, ApiConfig config) {
        this.commands = commands;
        this.config = config;
    }

    void enqueue(QueuedCommand command, Duration delay) {
        String commandId = command.command().commandId();
        OutgoingAmqpMetadata amqp = OutgoingAmqpMetadata.builder()
                .withDurable(true)
                .withMessageId(commandId)
                .withGroupId(command.userId())
                .withContentType("application/json")
                .withMessageAnnotations(Addresses.DELIVERY_DELAY_ANNOTATION, delay.toMillis())
                .withApplicationProperties(new JsonObject().put(Addresses.DUPLICATE_ID_PROPERTY, commandId))
                .build();
        Message<JsonObject> message = Message.of(new JsonObject(Json.write(command)), Metadata.of(amqp));
        try {
            commands.sendMessage(message).await().atMost(config.enqueueTimeout());
        } catch (RuntimeException e) {
            LOG.warnf("command %s of user %s not queued: %s", commandId, command.userId(), e.toString());
            throw ApiProblem.unavailable(config.unavailableRetryAfterSeconds());
        }
    }
}
