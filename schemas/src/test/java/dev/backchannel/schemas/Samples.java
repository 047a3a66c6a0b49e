package dev.backchannel.schemas;

import java.time.Instant;

/** One valid instance of every contract type, for the tests of this module. */
final class Samples {
    static final String COMMAND_ID = "3f1c2a8e-6f0e-4c5d-9a57-2f1c9e0b7d11";
    static final String ENTITY_ID = "9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c";
    static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");
    static final String EVENT_ID = "0190f3c2a1b2c3d4e5f6a7b8";
    static final Item ITEM = new Item(ENTITY_ID, "Buy milk", ItemStatus.TODO, 1, "alice", NOW);
    static final com.fasterxml.jackson.databind.node.ObjectNode EDITING_TITLE =
            Json.mapper().createObjectNode().put("editing", "title");
    static final Timing TIMING = Timing.processed(NOW, NOW, 1, NOW).withPublished(NOW, 1).withPushedAt(NOW);

    static Frame.CommandSucceeded succeeded() {
        return Frame.CommandSucceeded.of(EVENT_ID, COMMAND_ID, ENTITY_ID, NOW, "Created 'Buy milk'", ITEM, TIMING,
                "4bf92f3577b34da6a3ce929d0e0e4736");
    }

    static Frame.CommandFailed failed() {
        return Frame.CommandFailed.of(EVENT_ID, COMMAND_ID, ENTITY_ID, NOW, "Someone changed this item first",
                new Frame.Failure(ErrorCode.CONFLICT, "expected version 3, found 4"), TIMING, null);
    }

    static Frame.EntityChanged changed(Item data) {
        return new Frame.EntityChanged(EVENT_ID, Topics.ITEMS, ENTITY_ID, COMMAND_ID, "bob", NOW, data, null, null);
    }

    private Samples() {
    }
}
