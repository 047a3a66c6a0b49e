package dev.backchannel.gateway.presence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.PresenceMessage.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every member of every topic as seen from this node: each gateway node's entries (this node's too),
 * merged per user: a member's windows are summed over the nodes, its state is the one set last, its
 * {@code since} the earliest. Every change answers the frame the topic's sockets need (joined, changed,
 * left), or nothing when the member as seen did not change. Not thread-safe: {@link PresenceService}
 * guards it.
 */
final class PresenceView {

    /** A presence frame and the topic whose sockets get it. */
    record Change(String topic, Frame frame) {
    }

    private record Member(int windows, ObjectNode state, Instant since) {
    }

    /** topic → user → node → entry. */
    private final Map<String, Map<String, Map<String, Entry>>> entries = new HashMap<>();

    /** Applies one node's entry (windows 0: none left there). */
    Optional<Change> apply(String node, Entry entry) {
        Member before = member(entry.topic(), entry.userId());
        Map<String, Map<String, Entry>> users = entries.computeIfAbsent(entry.topic(), t -> new HashMap<>());
        Map<String, Entry> nodes = users.computeIfAbsent(entry.userId(), u -> new HashMap<>());
        if (entry.windows() > 0) {
            nodes.put(node, entry);
        } else {
            nodes.remove(node);
            if (nodes.isEmpty()) {
                users.remove(entry.userId());
                if (users.isEmpty()) {
                    entries.remove(entry.topic());
                }
            }
        }
        return diff(entry.topic(), entry.userId(), before, member(entry.topic(), entry.userId()));
    }

    /** A node's full list: its entries missing from it are gone. */
    List<Change> replaceNode(String node, List<Entry> announced) {
        List<Change> changes = new ArrayList<>();
        Set<String> keep = new HashSet<>();
        for (Entry entry : announced) {
            keep.add(entry.topic() + "\n" + entry.userId());
        }
        for (Entry old : entriesOf(node)) {
            if (!keep.contains(old.topic() + "\n" + old.userId())) {
                apply(node, gone(old)).ifPresent(changes::add);
            }
        }
        for (Entry entry : announced) {
            apply(node, entry).ifPresent(changes::add);
        }
        return changes;
    }

    /** A node died or left: all its entries are gone. */
    List<Change> dropNode(String node) {
        List<Change> changes = new ArrayList<>();
        for (Entry old : entriesOf(node)) {
            apply(node, gone(old)).ifPresent(changes::add);
        }
        return changes;
    }

    /** Every member of the topic now, ordered by user id. */
    Frame.Presence snapshot(String topic) {
        List<Frame.Member> members = new ArrayList<>();
        entries.getOrDefault(topic, Map.of()).keySet().stream().sorted().forEach(userId -> {
            Member member = member(topic, userId);
            if (member != null) {
                members.add(new Frame.Member(userId, member.windows(), member.state(), member.since()));
            }
        });
        return new Frame.Presence(topic, members);
    }

    private List<Entry> entriesOf(String node) {
        List<Entry> found = new ArrayList<>();
        entries.values().forEach(users -> users.values().forEach(nodes -> {
            Entry entry = nodes.get(node);
            if (entry != null) {
                found.add(entry);
            }
        }));
        return found;
    }

    private Member member(String topic, String userId) {
        Map<String, Entry> nodes = entries.getOrDefault(topic, Map.of()).get(userId);
        if (nodes == null || nodes.isEmpty()) {
            return null;
        }
        int windows = nodes.values().stream().mapToInt(Entry::windows).sum();
        Entry latest = nodes.values().stream().max(Comparator.comparing(Entry::stateAt)).orElseThrow();
        Instant since = nodes.values().stream().map(Entry::since).min(Comparator.naturalOrder()).orElseThrow();
        return new Member(windows, latest.state(), since);
    }

    private static Optional<Change> diff(String topic, String userId, Member before, Member after) {
        if (before == null && after == null) {
            return Optional.empty();
        }
        if (before == null) {
            return Optional.of(new Change(topic, new Frame.PresenceJoined(topic, userId, after.state(), after.windows())));
        }
        if (after == null) {
            return Optional.of(new Change(topic, new Frame.PresenceLeft(topic, userId)));
        }
        if (before.windows() != after.windows() || !Objects.equals(before.state(), after.state())) {
            return Optional.of(new Change(topic, new Frame.PresenceChanged(topic, userId, after.state(), after.windows())));
        }
        return Optional.empty();
    }

    private static Entry gone(Entry old) {
        return new Entry(old.topic(), old.userId(), 0, null, old.since(), old.stateAt());
    }
}
