package dev.backchannel.processor.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.processor.outbox.EventIds;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.QueuedCommand;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.schemas.StatusEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutcomeEventsTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.123456Z");
    private static final String ID = "6f1c2a52-8a52-4c8e-9c1e-2b9a3e0f4d11";
    private static final String COMMAND = "0b4f5d0e-8f43-4b51-9a56-1f0d1a3c2b7e";
    private static final QueuedCommand CREATE = new QueuedCommand(Command.create(COMMAND, ID, "Buy milk", null),
            "alice", NOW.minusSeconds(2), "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    @Test
    void successShouldGiveUserOutcomeThenTopicChangeAsValidEventsWaitingForTheirIds() {
        Decision created = ItemRules.decide(CREATE.command(), null, "alice", NOW);

        OutcomeEvents events = OutcomeEvents.of(CREATE, created, new Delivery(NOW.minusSeconds(1), 2), NOW);

        assertThat(events.events()).extracting(StatusEvent::eventId)
                .containsExactly(EventIds.UNSEQUENCED, EventIds.UNSEQUENCED);
        assertThat(EventIds.stamp(Json.write(events.events().get(0)), "00000000000000000041"))
                .as("the relay's stamp reaches the event and its payload").doesNotContain(EventIds.UNSEQUENCED)
                .contains("{\"eventId\":\"00000000000000000041\"")
                .contains("\"payload\":{\"type\":\"command.succeeded\",\"eventId\":\"00000000000000000041\"");
        assertThat(events.events().get(0).userId()).isEqualTo("alice");
        assertThat(events.events().get(1).topic()).isEqualTo("items");
        assertThat(events.events()).allSatisfy(event -> assertThat(SchemaValidator.instance()
                .violations(MessageSchema.STATUS_EVENT, Json.write(event))).isEmpty());
        assertThat(Json.write(events.outcome())).contains("\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"")
                .contains("\"deliveryCount\":2");
    }

    @Test
    void refusalShouldGiveOnlyTheUserOutcome() {
        Decision refused = ItemRules.decide(CREATE.command(), ItemRules.decide(CREATE.command(), null, "bob", NOW)
                .itemAfter(), "alice", NOW);

        OutcomeEvents events = OutcomeEvents.of(CREATE, refused, new Delivery(NOW, 1), NOW);

        assertThat(events.events()).hasSize(1);
        assertThat(SchemaValidator.instance().violations(MessageSchema.STATUS_EVENT,
                Json.write(events.events().get(0)))).isEmpty();
    }
}
