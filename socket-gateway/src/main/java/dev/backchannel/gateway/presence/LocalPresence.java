package dev.backchannel.gateway.presence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backchannel.schemas.PresenceMessage.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The windows present on this node: per topic and user, which sockets said {@code presence.set} and
 * with what state. What the node tells the others is one {@link Entry} per topic and user (its window
 * count, the state its most recent window set), never one per socket. Not thread-safe:
 * {@link PresenceService} guards it.
 */
final class LocalPresence {

    /** One user's windows on one topic here, in the order they last set their state. */
    private static final class Windows {
        final LinkedHashMap<String, ObjectNode> states = new LinkedHashMap<>();
        Instant since;
        Instant stateAt;

        ObjectNode state() {
            ObjectNode last = null;
            for (ObjectNode state : states.values()) {
                last = state;
            }
            return last;
        }
    }

    private final Map<String, Map<String, Windows>> byTopic = new HashMap<>();
    private final Map<String, List<String>> topicsOfSocket = new HashMap<>();

    /** The socket's window is present on the topic with this state; the node's entry if it changed. */
    Optional<Entry> set(String socketId, String userId, String topic, ObjectNode state, Instant now) {
        Windows windows = byTopic.computeIfAbsent(topic, t -> new HashMap<>()).computeIfAbsent(userId, u -> new Windows());
        if (windows.states.isEmpty()) {
            windows.since = now;
        }
        boolean unchanged = windows.states.containsKey(socketId) && Objects.equals(windows.states.get(socketId), state)
                && Objects.equals(windows.state(), state);
        if (unchanged) {
            return Optional.empty();
        }
        windows.states.remove(socketId);
        windows.states.put(socketId, state);
        windows.stateAt = now;
        List<String> topics = topicsOfSocket.computeIfAbsent(socketId, s -> new ArrayList<>());
        if (!topics.contains(topic)) {
            topics.add(topic);
        }
        return Optional.of(entry(topic, userId, windows));
    }

    /** The socket's window left the topic (cleared, unsubscribed or closed); the node's entry if it changed. */
    Optional<Entry> clear(String socketId, String userId, String topic, Instant now) {
        Map<String, Windows> users = byTopic.get(topic);
        Windows windows = users == null ? null : users.get(userId);
        if (windows == null || !windows.states.containsKey(socketId)) {
            return Optional.empty();
        }
        windows.states.remove(socketId);
        windows.stateAt = now;
        List<String> topics = topicsOfSocket.get(socketId);
        if (topics != null) {
            topics.remove(topic);
            if (topics.isEmpty()) {
                topicsOfSocket.remove(socketId);
            }
        }
        Entry entry = entry(topic, userId, windows);
        if (windows.states.isEmpty()) {
            users.remove(userId);
            if (users.isEmpty()) {
                byTopic.remove(topic);
            }
        }
        return Optional.of(entry);
    }

    /** The socket closed: every topic it was present on. */
    List<Entry> removeSocket(String socketId, String userId, Instant now) {
        List<Entry> changed = new ArrayList<>();
        for (String topic : List.copyOf(topicsOfSocket.getOrDefault(socketId, List.of()))) {
            clear(socketId, userId, topic, now).ifPresent(changed::add);
        }
        return changed;
    }

    /** Every entry of this node (for the periodic announcement). */
    List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        byTopic.forEach((topic, users) -> users.forEach((userId, windows) -> all.add(entry(topic, userId, windows))));
        return all;
    }

    private static Entry entry(String topic, String userId, Windows windows) {
        return new Entry(topic, userId, windows.states.size(), windows.state(), windows.since, windows.stateAt);
    }
}
