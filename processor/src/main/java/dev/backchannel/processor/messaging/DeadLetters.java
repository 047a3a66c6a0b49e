package dev.backchannel.processor.messaging;

import dev.backchannel.processor.AmqpLink;
import dev.backchannel.processor.BrokerLinks;
import dev.backchannel.processor.config.ProcessorConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.amqp.AmqpMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends unreadable command messages to {@code commands.dlq} and waits until the broker has taken
 * them; the caller acknowledges the original only then, so a message is never lost and never loops
 * (if the broker does not take it, the original is nacked and comes back later).
 */
@ApplicationScoped
public class DeadLetters {

    /** Why the processor parked the message; an identifier a broker selector can name (no hyphens). */
    static final String REASON_PROPERTY = "backchannel_dead_letter_reason";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final AmqpLink link;
    private final ProcessorConfig config;

    public DeadLetters(@Named(BrokerLinks.DEAD_LETTERS) AmqpLink link, ProcessorConfig config) {
        this.link = link;
        this.config = config;
    }

    /** Blocks until the broker settled the dead letter; throws when it did not. */
    public void send(String messageId, UnreadableCommandException unreadable) {
        AmqpMessage message = AmqpMessage.create().durable(true).withBody(unreadable.rawBody())
                .applicationProperties(new JsonObject().put(REASON_PROPERTY, unreadable.getMessage())).build();
        if (link.send(List.of(message), config.commands().deadLetterTimeout()) != 1) {
            throw new IllegalStateException("commands.dlq did not take message " + messageId + ": "
                    + link.lastFailure());
        }
        LOG.warnf("Dead-lettered command message %s (commandId %s): %s",
                messageId == null ? "without id" : messageId, unreadable.commandId(), unreadable.getMessage());
    }
}
