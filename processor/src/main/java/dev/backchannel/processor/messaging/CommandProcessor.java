package dev.backchannel.processor.messaging;

import dev.backchannel.processor.DataAccessException;
import dev.backchannel.processor.chaos.ProcessorChaos;
import dev.backchannel.processor.chaos.SimulatedCrash;
import dev.backchannel.processor.commands.AcceptedCommand;
import dev.backchannel.processor.commands.CommandMetrics;
import dev.backchannel.processor.commands.CommandService;
import dev.backchannel.processor.commands.Decision;
import dev.backchannel.processor.commands.Delivery;
import dev.backchannel.processor.outbox.OutboxRelay;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.ErrorCode;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.QueuedCommand;
import dev.backchannel.service.trace.Traceparent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.amqp.IncomingAmqpMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes the commands queue (channel {@value #CHANNEL}, several receivers: see
 * {@code backchannel.processor.commands.consumers}). The message is acknowledged when this method returns,
 * that is after the transaction committed; an exception nacks it as {@code modified-failed}, so
 * the broker delivers it again and dead-letters it after its maximum delivery attempts.
 *
 * <p>Each delivery is a span whose parent is the command's {@code traceparent} (a new trace when it
 * has none); the command is handled with that span's traceparent, so its frames carry the trace id
 * and its outbox entries the context the relay's publish continues.
 */
@ApplicationScoped
public class CommandProcessor {

    static final String CHANNEL = "commands";

    private static final Logger LOG = Logger.getLogger(CommandProcessor.class);

    private final CommandService commands;
    private final DeadLetters deadLetters;
    private final OutboxRelay relay;
    private final CommandMetrics metrics;
    private final ProcessorChaos chaos;
    private final Tracer tracer;

    public CommandProcessor(CommandService commands, DeadLetters deadLetters, OutboxRelay relay,
            CommandMetrics metrics, ProcessorChaos chaos, Tracer tracer) {
        this.commands = commands;
        this.deadLetters = deadLetters;
        this.relay = relay;
        this.metrics = metrics;
        this.chaos = chaos;
        this.tracer = tracer;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(Object payload, IncomingAmqpMetadata metadata) {
        Instant deliveredAt = Instant.now();
        long deliveredNanos = System.nanoTime();
        // The AMQP header counts earlier failed deliveries; the frame counts this one too.
        Delivery delivery = new Delivery(deliveredAt, metadata.getDeliveryCount() + 1);
        QueuedCommand queued;
        try {
            queued = QueuedCommandReader.read(payload);
        } catch (UnreadableCommandException unreadable) {
            // accepted, then unreadable: its user still hears the end of it (contract v2), then it is parked
            unreadable.salvaged().ifPresent(command -> fail(command, delivery, new Decision.Rejected(
                    ErrorCode.UNDELIVERABLE, "This command could not be read; nothing was changed",
                    "unreadable after it was accepted: " + unreadable.getMessage())));
            deadLetters.send(metadata.getId(), unreadable);
            metrics.deadLettered();
            return;
        }
        Span span = tracer.spanBuilder("commands process").setSpanKind(SpanKind.CONSUMER)
                .setParent(Traceparent.parent(queued.traceparent()))
                .setAttribute("messaging.destination.name", Addresses.COMMANDS)
                .setAttribute("messaging.message.id", queued.command().commandId())
                .setAttribute("messaging.delivery_count", delivery.deliveryCount())
                .setAttribute("enduser.id", queued.userId())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            QueuedCommand traced = new QueuedCommand(queued.command(), queued.userId(), queued.acceptedAt(),
                    Traceparent.of(span, queued.traceparent()));
            process(traced, delivery, deliveredNanos);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    private void process(QueuedCommand queued, Delivery delivery, long deliveredNanos) {
        // chaos: "die" before acknowledging, half of the time before the commit and half after it
        boolean crash = chaos.crashes();
        boolean crashAfterCommit = crash && !chaos.crashesBeforeEveryCommit() && ThreadLocalRandom.current().nextBoolean();
        if (crash && !crashAfterCommit) {
            throw simulatedCrash(queued, false);
        }
        Optional<Frame.CommandOutcome> outcome;
        try {
            outcome = commands.handle(queued, delivery);
        } catch (DataAccessException e) {
            if (!e.permanent()) {
                throw redeliver(queued, delivery, e);
            }
            // the database refuses this data every time: fail the command now, do not redeliver it 10 times
            LOG.warnf("Command %s of %s refused by the database (%s): failed at once", queued.command().commandId(),
                    queued.userId(), e.reason());
            outcome = fail(AcceptedCommand.of(queued), delivery, new Decision.Rejected(ErrorCode.VALIDATION,
                    "This change could not be stored; nothing was changed", "the database refused it: " + e.reason()));
        } catch (RuntimeException e) {
            throw redeliver(queued, delivery, e);
        }
        if (outcome.isPresent()) {
            metrics.processed(outcome.get());
            metrics.timed(Duration.between(queued.acceptedAt(), delivery.deliveredAt()),
                    Duration.ofNanos(System.nanoTime() - deliveredNanos));
        } else {
            metrics.duplicate();
        }
        relay.wake();
        if (crashAfterCommit) {
            throw simulatedCrash(queued, true);
        }
    }

    private RuntimeException redeliver(QueuedCommand queued, Delivery delivery, RuntimeException e) {
        metrics.retried();
        LOG.warnf(e, "Command %s of %s not processed (delivery %d), the broker will deliver it again",
                queued.command().commandId(), queued.userId(), delivery.deliveryCount());
        return e;
    }

    /** Records {@code rejection} as the command's outcome (once) and wakes the relay to push it. */
    private Optional<Frame.CommandOutcome> fail(AcceptedCommand command, Delivery delivery,
            Decision.Rejected rejection) {
        Optional<Frame.CommandOutcome> outcome = commands.reject(command, delivery, rejection);
        relay.wake();
        return outcome;
    }

    private static SimulatedCrash simulatedCrash(QueuedCommand queued, boolean afterCommit) {
        SimulatedCrash crash = new SimulatedCrash(queued.command().commandId(), afterCommit);
        LOG.infof("%s (user %s): the broker delivers it again", crash.getMessage(), queued.userId());
        return crash;
    }
}
