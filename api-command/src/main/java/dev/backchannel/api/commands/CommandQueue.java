package dev.backchannel.api.commands;

import dev.backchannel.api.config.ApiConfig;
import dev.backchannel.api.problem.ApiProblem;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.QueuedCommand;
import io.vertx.amqp.AmqpMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.MessageAnnotations;
import org.apache.qpid.proton.message.Message;
import org.jboss.logging.Logger;

/**
 * Hands a command to the broker on {@link Addresses#COMMANDS}: durable, delayed, grouped by user
 * (so one user's commands keep their order), with the commandId as Artemis duplicate id (so a
 * command sent twice is queued once). Returns only once the broker has settled the message.
 */
@ApplicationScoped
public class CommandQueue {

    private static final Logger LOG = Logger.getLogger(CommandQueue.class);
    private static final Symbol DELIVERY_DELAY = Symbol.valueOf(Addresses.DELIVERY_DELAY_ANNOTATION);

    private final CommandLink link;
    private final ApiConfig config;

    CommandQueue(CommandLink link, ApiConfig config) {
        this.link = link;
        this.config = config;
    }

    void enqueue(QueuedCommand command, Duration delay) {
        String commandId = command.command().commandId();
        try {
            link.send(message(command, delay)).toCompletableFuture()
                    .get(config.enqueueTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warnf("command %s of user %s not queued: %s", commandId, command.userId(), cause.toString());
            throw ApiProblem.unavailable(config.unavailableRetryAfterSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.unavailable(config.unavailableRetryAfterSeconds());
        }
    }

    /** The AMQP message: JSON body as a data section, as the processor reads it. */
    private static AmqpMessage message(QueuedCommand command, Duration delay) {
        String commandId = command.command().commandId();
        Message message = Proton.message();
        message.setDurable(true);
        message.setMessageId(commandId);
        message.setGroupId(command.userId());
        message.setContentType("application/json");
        message.setMessageAnnotations(new MessageAnnotations(Map.of(DELIVERY_DELAY, delay.toMillis())));
        message.setApplicationProperties(new ApplicationProperties(Map.of(Addresses.DUPLICATE_ID_PROPERTY, commandId)));
        message.setBody(new Data(new Binary(Json.write(command).getBytes(StandardCharsets.UTF_8))));
        return AmqpMessage.create(message).build();
    }
}
