package dev.backchannel.desktop.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backchannel.client.presence.PresenceMember;
import dev.backchannel.schemas.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PresenceViewModelTest {

    /** Plays the client library: records what the window asked for, and lets the test say who else is there. */
    private static final class RecordedPresence implements RecordPresence {
        final List<String> calls = new ArrayList<>();
        final Map<String, List<PresenceMember>> others = new HashMap<>();
        Runnable listener = () -> { };

        @Override
        public void watch(String entityId) {
            calls.add("watch " + entityId);
        }

        @Override
        public void editing(String entityId, String field) {
            calls.add("editing " + entityId + " " + field);
        }

        @Override
        public void unwatch(String entityId) {
            calls.add("unwatch " + entityId);
        }

        @Override
        public List<PresenceMember> others(String entityId) {
            return others.getOrDefault(entityId, List.of());
        }

        @Override
        public void addListener(Runnable onChange) {
            listener = onChange;
        }

        void members(String entityId, PresenceMember... members) {
            others.put(entityId, List.of(members));
            listener.run();
        }
    }

    private final RecordedPresence presence = new RecordedPresence();
    private final PresenceViewModel model = new PresenceViewModel(presence, Runnable::run);

    @Test
    void selectingAnItemWatchesItAndLeavesTheOneBefore() {
        model.select("a");
        model.select("b");
        model.select(null);

        assertThat(presence.calls).containsExactly("watch a", "unwatch a", "watch b", "unwatch b");
        assertThat(model.summaryProperty().get()).isEqualTo(PresenceViewModel.NOTHING_SELECTED);
    }

    @Test
    void saysWhoElseIsOnTheSelectedItemAndWhatTheyEdit() {
        model.select("a");
        assertThat(model.summaryProperty().get()).isEqualTo(PresenceViewModel.ALONE);

        presence.members("a", member("bob", 1, "title"), member("carol", 2, null));

        assertThat(model.others()).containsExactly("bob is editing the title", "carol (2 windows) is looking");
        assertThat(model.summaryProperty().get())
                .isEqualTo("Also here: bob is editing the title, carol (2 windows) is looking");
        presence.members("b", member("dave", 1, null));
        assertThat(model.others()).as("another item's members are not shown").hasSize(2);
    }

    @Test
    void tellsTheOthersWhatThisWindowEditsOnceAndOnlyOnASelectedItem() {
        model.editing("title");
        model.select("a");

        model.editing("title");
        model.editing("title");
        model.editing(null);

        assertThat(presence.calls).containsExactly("watch a", "editing a title", "editing a null");
    }

    private static PresenceMember member(String userId, int windows, String editing) {
        ObjectNode state = editing == null ? null : Json.mapper().createObjectNode().put("editing", editing);
        return new PresenceMember(userId, windows, state, null);
    }
}
