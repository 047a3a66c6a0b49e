package dev.backchannel.processor.messaging;

import dev.backchannel.processor.chaos.ChaosSwitchboard;
import dev.backchannel.processor.chaos.SimulatedCrash;
import java.util.concurrent.ThreadLocalRandom;

import dev.backchannel.processor.commands.CommandMetrics;
import dev.backchannel.processor.commands.CommandService;
import dev.backchannel.processor.commands.Delivery;
import dev.backchannel.processor.outbox.OutboxRelay;
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
 * Consumes the commands queue (channel {@value #CHANNEL}, several receivers: see
 * {@code backchannel.processor.commands.consumers}). The message is acknowledged when this method returns,
 * that is after the transaction committed; an exception nacks it as {@code modified-failed}, so
 * the broker delivers it again and dead-letters it after its maximum delivery attempts.
 */
@ApplicationScoped
public class CommandProcessor {

    static final String CHANNEL = "commands";

    private static final Logger LOG = Logger.getLogger(CommandProcessor.class);

    private final CommandService commands;
    private final DeadLetters deadLetters;
    private final OutboxRelay relay;
    private final CommandMetrics metrics;
    private final ChaosSwitchboard chaos;

    public CommandProcessor(CommandService commands, DeadLetters deadLetters, OutboxRelay relay,
            CommandMetrics metrics, ChaosSwitchboard chaos) {
        this.commands = commands;
        this.deadLetters = deadLetters;
        this.relay = relay;
        this.metrics = metrics;
        this.chaos = chaos;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(Object payload, IncomingAmqpMetadata metadata) {
        Instant deliveredAt = Instant.now();
        QueuedCommand queued;
        try {
            queued = QueuedCommandReader.read(payload);
        } catch (UnreadableCommandException unreadable) {
            deadLetters.send(metadata.getId(), unreadable);
            metrics.deadLettered();
            return;
        }
        // The AMQP header counts earlier failed deliveries; the frame counts this one too.
        Delivery delivery = new Delivery(deliveredAt, metadata.getDeliveryCount() + 1);
        Optional<Frame.CommandOutcome> outcome;
        // chaos: "die" before acknowledging, half of the time before the commit and half after it
        boolean crash = chaos.crashes();
        boolean crashAfterCommit = crash && ThreadLocalRandom.current().nextBoolean();
        if (crash && !crashAfterCommit) {
            throw simulatedCrash(queued, false);
        }
        try {
            outcome = commands.handle(queued, delivery);
        } catch (RuntimeException e) {
            metrics.retried();
            LOG.warnf(e, "Command %s of %s not processed (delivery %d), the broker will deliver it again",
                    queued.command().commandId(), queued.userId(), delivery.deliveryCount());
            throw e;
        }
        outcome.ifPresentOrElse(metrics::processed, metrics::duplicate);
        relay.wake();
        if (crashAfterCommit) {
            throw simulatedCrash(queued, true);
        }
    }

    private static SimulatedCrash simulatedCrash(QueuedCommand queued, boolean afterCommit) {
        SimulatedCrash crash = new SimulatedCrash(queued.command().commandId(), afterCommit);
        LOG.infof("%s (user %s): the broker delivers it again", crash.getMessage(), queued.userId());
        return crash;
    }
}
