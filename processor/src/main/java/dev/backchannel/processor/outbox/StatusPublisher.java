package dev.backchannel.processor.outbox;

import dev.backchannel.processor.chaos.ChaosSwitchboard;

import dev.backchannel.processor.AmqpLink;
import dev.backchannel.processor.BrokerLinks;
import io.vertx.mutiny.amqp.AmqpMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;

/**
 * Publishes outbox entries to {@code status}: durable, JSON of
 * {@link dev.backchannel.schemas.StatusEvent}, message id = event id, AMQP group-id = user id.
 * Every send is issued from the relay thread, in order, on one link (see {@link AmqpLink}).
 */
@ApplicationScoped
public class StatusPublisher {

    private final AmqpLink link;
    private final ChaosSwitchboard chaos;
    private volatile boolean lastFailureInjected;

    public StatusPublisher(@Named(BrokerLinks.STATUS) AmqpLink link, ChaosSwitchboard chaos) {
        this.link = link;
        this.chaos = chaos;
    }

    /** How many entries from the start the broker settled; the rest are to be sent again, in order. */
    public int publish(List<OutboxEntry> entries, Duration timeout) {
        lastFailureInjected = chaos.publishFails();
        if (lastFailureInjected) {
            return 0; // chaos publishFailureRate: as if the broker refused the batch; the relay retries
        }
        return link.send(entries.stream().map(StatusPublisher::toMessage).toList(), timeout);
    }

    public boolean linked() {
        return link.linked();
    }

    public boolean connect(Duration timeout) {
        return link.connect(timeout);
    }

    public String lastFailure() {
        return lastFailureInjected ? "injected by the publishFailureRate chaos flag" : link.lastFailure();
    }

    private static AmqpMessage toMessage(OutboxEntry entry) {
        var message = AmqpMessage.create().durable(true).id(entry.eventId()).contentType("application/json")
                .withBody(entry.payloadJson());
        if (entry.userId() != null) {
            message.groupId(entry.userId());
        }
        return message.build();
    }
}
