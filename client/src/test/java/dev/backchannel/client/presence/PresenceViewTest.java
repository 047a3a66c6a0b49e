package dev.backchannel.client.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceViewTest {

    private static final String TOPIC = "items/9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c";
    private final PresenceView view = new PresenceView();

    @Test
    void snapshotThenDeltasKeepTheMembersAndTellTheListener() {
        List<List<PresenceMember>> told = new ArrayList<>();
        view.addListener((topic, members) -> told.add(members));
        Instant since = Instant.parse("2030-01-01T00:00:00Z");

        view.onFrame(new Frame.Presence(TOPIC, List.of(new Frame.Member("alice", 1, null, since))));
        view.onFrame(new Frame.PresenceJoined(TOPIC, "bob", null, 1));
        view.onFrame(new Frame.PresenceChanged(TOPIC, "bob", Json.mapper().createObjectNode().put("editing", "title"), 2));

        assertThat(view.others(TOPIC, "alice")).singleElement().satisfies(bob -> {
            assertThat(bob.windows()).isEqualTo(2);
            assertThat(bob.describe()).isEqualTo("bob (2 windows) is editing the title");
        });
        assertThat(view.members(TOPIC).get(0).describe()).isEqualTo("alice is looking");

        view.onFrame(new Frame.PresenceLeft(TOPIC, "bob"));
        assertThat(view.others(TOPIC, "alice")).isEmpty();
        assertThat(told).hasSize(4);
        assertThat(view.onFrame(new Frame.Reset("x"))).isFalse();
    }
}
