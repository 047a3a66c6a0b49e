package dev.backchannel.processor.messaging;

import dev.backchannel.processor.commands.AcceptedCommand;
import dev.backchannel.processor.commands.CommandMetrics;
import dev.backchannel.processor.commands.CommandService;
import dev.backchannel.processor.commands.Decision;
import dev.backchannel.processor.commands.Delivery;
import dev.backchannel.processor.outbox.OutboxRelay;
import dev.backchannel.schemas.ErrorCode;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.QueuedCommand;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.amqp.IncomingAmqpMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * No accepted command stays without an outcome (contract v2, "Commands that cannot be processed"):
 * consumes what the broker dead-lettered to {@code commands.dlq} after its maximum delivery attempts
 * (a command that crashed or failed on every delivery) and ends each as {@code command.failed} with
 * {@code undeliverable}, pushed to its user and answered by the query side, unless it has an outcome
 * already. Counted as {@code backchannel_commands_total{outcome="undeliverable"}}.
 *
 * <p>The link's selector leaves alone what the processor parked there itself (unreadable bodies,
 * marked with {@value DeadLetters#REASON_PROPERTY}): those stay for an operator to inspect and redrive
 * (see {@code docs/deploy.md}). A dead letter this cannot read either is parked the same way.
 */
@ApplicationScoped
public class DeadLetterOutcomes {

    static final String CHANNEL = "dead-letters";

    private static final Logger LOG = Logger.getLogger(DeadLetterOutcomes.class);

    private final CommandService commands;
    private final DeadLetters deadLetters;
    private final OutboxRelay relay;
    private final CommandMetrics metrics;

    public DeadLetterOutcomes(CommandService commands, DeadLetters deadLetters, OutboxRelay relay,
            CommandMetrics metrics) {
        this.commands = commands;
        this.deadLetters = deadLetters;
        this.relay = relay;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(Object payload, IncomingAmqpMetadata metadata) {
        Delivery delivery = new Delivery(Instant.now(), metadata.getDeliveryCount() + 1);
        AcceptedCommand command;
        try {
            QueuedCommand queued = QueuedCommandReader.read(payload);
            command = AcceptedCommand.of(queued);
        } catch (UnreadableCommandException unreadable) {
            Optional<AcceptedCommand> salvaged = unreadable.salvaged();
            if (salvaged.isEmpty()) {
                deadLetters.send(metadata.getId(), unreadable); // parked, marked: this link will not see it again
                return;
            }
            command = salvaged.get();
        }
        Optional<Frame.CommandOutcome> outcome = commands.reject(command, delivery, new Decision.Rejected(
                ErrorCode.UNDELIVERABLE, "This command could not be processed; nothing was changed",
                "dead-lettered after the broker's maximum delivery attempts"));
        if (outcome.isPresent()) {
            metrics.processed(outcome.get());
            LOG.warnf("Command %s of %s was dead-lettered: it ends as undeliverable", command.commandId(),
                    command.userId());
            relay.wake();
        }
    }
}
