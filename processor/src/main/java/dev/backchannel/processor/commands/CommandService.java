package dev.backchannel.processor.commands;

import dev.backchannel.processor.chaos.ProcessorChaos;
import dev.backchannel.processor.items.ItemRepository;
import dev.backchannel.processor.outbox.OutboxRepository;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.ErrorCode;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.QueuedCommand;
import dev.backchannel.schemas.StatusEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Handles one command in one transaction: the item change, the outcome in
 * {@code processed_commands} and the status events in the outbox commit together, or not at all.
 */
@ApplicationScoped
public class CommandService {

    private final ItemRepository items;
    private final ProcessedCommandRepository processed;
    private final OutboxRepository outbox;
    private final ProcessorChaos chaos;

    public CommandService(ItemRepository items, ProcessedCommandRepository processed, OutboxRepository outbox,
            ProcessorChaos chaos) {
        this.items = items;
        this.processed = processed;
        this.outbox = outbox;
        this.chaos = chaos;
    }

    /**
     * The outcome frame, or empty when this command was processed before (a redelivery). The
     * command's {@code traceparent} goes with its outbox entries, so their publish joins the trace.
     */
    @Transactional
    public Optional<Frame.CommandOutcome> handle(QueuedCommand queued, Delivery delivery) {
        Command command = queued.command();
        if (processed.contains(command.commandId())) {
            return Optional.empty();
        }
        Item current = items.findForUpdate(command.entityId()).orElse(null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Decision decision = ItemRules.decide(command, current, queued.userId(), now);
        if (!(decision instanceof Decision.Rejected) && chaos.processingFails()) {
            decision = new Decision.Rejected(ErrorCode.PROCESSING_FAILED, "Processing failed; nothing was changed",
                    "injected by the processorFailureRate chaos flag");
        }
        write(decision);
        return Optional.of(record(AcceptedCommand.of(queued), OutcomeEvents.of(queued, decision, delivery, now), now));
    }

    /**
     * Ends {@code command} with {@code rejection} and changes nothing, or does nothing when it has an
     * outcome already: for a command that cannot be processed (dead-lettered, unreadable, or refused
     * by the database for good).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Frame.CommandOutcome> reject(AcceptedCommand command, Delivery delivery,
            Decision.Rejected rejection) {
        if (processed.contains(command.commandId())) {
            return Optional.empty();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Optional.of(record(command, OutcomeEvents.of(command, rejection, delivery, now), now));
    }

    /**
     * Appends the events (no place in the publish order yet: the relay gives them theirs once this
     * commits) and the outcome of {@code command}; returns the outcome.
     */
    private Frame.CommandOutcome record(AcceptedCommand command, OutcomeEvents events, Instant now) {
        for (StatusEvent event : events.events()) {
            outbox.append(event, event.payload() == events.outcome() ? command.commandId() : null,
                    command.traceparent());
        }
        processed.record(command.userId(), events.outcome(), now);
        return events.outcome();
    }

    private void write(Decision decision) {
        if (decision instanceof Decision.Created created) {
            items.insert(created.item());
        } else if (decision instanceof Decision.Updated updated) {
            items.update(updated.item());
        } else if (decision instanceof Decision.Deleted deleted) {
            items.delete(deleted.before().id());
        }
    }
}
