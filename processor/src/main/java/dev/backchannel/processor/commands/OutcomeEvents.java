package dev.backchannel.processor.commands;

import dev.backchannel.processor.outbox.EventIds;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.QueuedCommand;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.schemas.Timing;
import dev.backchannel.schemas.Topics;
import dev.backchannel.service.trace.Traceparent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The status events of one decision: the outcome for the issuing user and, when the item changed,
 * {@code entity.changed} for topic {@code items}. Their event ids are {@link EventIds#UNSEQUENCED}
 * until the outbox relay gives them their place in the publish order.
 */
public record OutcomeEvents(Frame.CommandOutcome outcome, List<StatusEvent> events) {

    public static OutcomeEvents of(QueuedCommand queued, Decision decision, Delivery delivery, Instant processedAt) {
        return of(AcceptedCommand.of(queued), decision, delivery, processedAt);
    }

    public static OutcomeEvents of(AcceptedCommand queued, Decision decision, Delivery delivery, Instant processedAt) {
        String commandId = queued.commandId();
        String entityId = queued.entityId();
        Timing timing = Timing.processed(queued.acceptedAt(), delivery.deliveredAt(), delivery.deliveryCount(),
                processedAt);
        String traceId = Traceparent.traceId(queued.traceparent());
        String outcomeId = EventIds.UNSEQUENCED;
        Frame.CommandOutcome outcome = decision instanceof Decision.Rejected rejected
                ? Frame.CommandFailed.of(outcomeId, commandId, entityId, processedAt, rejected.message(),
                        new Frame.Failure(rejected.code(), rejected.detail()), timing, traceId)
                : Frame.CommandSucceeded.of(outcomeId, commandId, entityId, processedAt, decision.message(),
                        decision.itemAfter(), timing, traceId);
        List<StatusEvent> events = new ArrayList<>(2);
        events.add(StatusEvent.forUser(queued.userId(), outcome, processedAt));
        if (decision.applied()) {
            Frame.EntityChanged changed = new Frame.EntityChanged(EventIds.UNSEQUENCED, Topics.ITEMS, entityId,
                    commandId, queued.userId(), processedAt, decision.itemAfter(), timing, traceId);
            events.add(StatusEvent.forTopic(Topics.ITEMS, changed, processedAt));
        }
        return new OutcomeEvents(outcome, List.copyOf(events));
    }
}
