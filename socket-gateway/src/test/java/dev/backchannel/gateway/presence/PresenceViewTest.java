package dev.backchannel.gateway.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.PresenceMessage.Entry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging every node's entries into members: windows summed, last state wins, node loss. */
class PresenceViewTest {

    private static final String TOPIC = "items/9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c";
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private final PresenceView view = new PresenceView();

    private static Entry entry(String user, int windows, String editing, Instant at) {
        return new Entry(TOPIC, user, windows, editing == null ? null
                : Json.mapper().createObjectNode().put("editing", editing), T0, at);
    }

    @Test
    void aUserOnTwoNodesIsOneMemberWithBothNodesWindowsAndTheLatestState() {
        assertThat(view.apply("a", entry("bob", 1, null, T0)).orElseThrow().frame())
                .isInstanceOf(Frame.PresenceJoined.class);
        Frame changed = view.apply("b", entry("bob", 2, "title", T0.plusSeconds(1))).orElseThrow().frame();

        assertThat(changed).isEqualTo(new Frame.PresenceChanged(TOPIC, "bob",
                Json.mapper().createObjectNode().put("editing", "title"), 3));
        assertThat(view.snapshot(TOPIC).members()).singleElement()
                .satisfies(member -> assertThat(member.windows()).isEqualTo(3));
        assertThat(view.apply("a", entry("bob", 1, null, T0))).isEmpty(); // nothing new

        assertThat(view.dropNode("b")).extracting(PresenceView.Change::frame)
                .containsExactly(new Frame.PresenceChanged(TOPIC, "bob", null, 1));
        assertThat(view.apply("a", entry("bob", 0, null, T0.plusSeconds(2))).orElseThrow().frame())
                .isEqualTo(new Frame.PresenceLeft(TOPIC, "bob"));
        assertThat(view.snapshot(TOPIC).members()).isEmpty();
    }

    @Test
    void anAnnouncementRemovesWhatItNoLongerListsAndAddsWhatWasMissed() {
        view.apply("b", entry("carol", 1, null, T0));

        List<PresenceView.Change> changes = view.replaceNode("b", List.of(entry("dave", 1, null, T0)));

        assertThat(changes).extracting(PresenceView.Change::frame).containsExactly(
                new Frame.PresenceLeft(TOPIC, "carol"), new Frame.PresenceJoined(TOPIC, "dave", null, 1));
    }
}
