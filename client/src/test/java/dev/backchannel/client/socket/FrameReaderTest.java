package dev.backchannel.client.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemStatus;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.Timing;
import dev.backchannel.schemas.Topics;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The client reads frames as a tolerant reader: unknown fields and unknown frame types never break it. */
class FrameReaderTest {

    private static final String COMMAND_ID = "3f1c2a8e-6f0e-4c5d-9a57-2f1c9e0b7d11";
    private static final String ENTITY_ID = "9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c";
    private static final String EVENT_ID = "0190f3c2a1b2c3d4e5f6a7b8";
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");
    private static final Item ITEM = new Item(ENTITY_ID, "Buy milk", ItemStatus.TODO, 1, "alice", NOW);

    private final FrameReader reader = new FrameReader();

    @Test
    void shouldReadAWelcomeWithAFieldItDoesNotKnow() {
        ObjectNode welcome = tree(new Frame.Welcome("c-1", "alice", true));
        welcome.put("region", "eu-west");

        Optional<Frame> frame = reader.read(welcome.toString());

        assertThat(frame).contains(new Frame.Welcome("c-1", "alice", true));
    }

    @Test
    void shouldReadACommandOutcomeWithUnknownFieldsAtEveryLevel() {
        Frame.CommandSucceeded sent = Frame.CommandSucceeded.of(EVENT_ID, COMMAND_ID, ENTITY_ID, NOW,
                "Created 'Buy milk'", ITEM, Timing.processed(NOW, NOW, 1, NOW).withPushedAt(NOW), null);
        ObjectNode json = tree(sent);
        json.put("source", "billing").put("priority", 3);
        ((ObjectNode) json.get("timing")).put("queuedAt", NOW.toString());
        ((ObjectNode) json.get("data")).put("colour", "green");

        Optional<Frame> frame = reader.read(json.toString());

        assertThat(frame).containsInstanceOf(Frame.CommandSucceeded.class);
        Frame.CommandSucceeded read = (Frame.CommandSucceeded) frame.orElseThrow();
        assertThat(read.eventId()).isEqualTo(EVENT_ID);
        assertThat(read.data()).isEqualTo(ITEM);
        assertThat(read.timing().pushedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldReadAnEntityChangeWithAnUnknownField() {
        ObjectNode json = tree(new Frame.EntityChanged(EVENT_ID, Topics.ITEMS, ENTITY_ID, COMMAND_ID, "bob", NOW,
                ITEM, null, null));
        json.putObject("origin").put("node", "gateway-b");

        assertThat(reader.read(json.toString())).containsInstanceOf(Frame.EntityChanged.class);
    }

    @Test
    void shouldIgnoreAFrameOfAnUnknownTypeAndReadTheNextOne() {
        assertThat(reader.read("{\"type\":\"presence.typing\",\"topic\":\"items\",\"userId\":\"bob\"}")).isEmpty();

        assertThat(reader.read(Json.write(new Frame.Welcome("c-2", "alice", false))))
                .contains(new Frame.Welcome("c-2", "alice", false));
    }

    @Test
    void shouldStillDropAKnownFrameWhoseKnownFieldsBreakTheContract() {
        ObjectNode welcome = tree(new Frame.Welcome("c-1", "alice", true));
        welcome.put("resumed", "yes").put("region", "eu-west");

        assertThat(reader.read(welcome.toString())).isEmpty();
        assertThat(reader.read("not json")).isEmpty();
        assertThat(reader.read("[1,2]")).isEmpty();
    }

    private static ObjectNode tree(Frame frame) {
        return (ObjectNode) Json.mapper().valueToTree(frame);
    }
}
