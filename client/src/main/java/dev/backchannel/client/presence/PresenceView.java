package dev.backchannel.client.presence;

import dev.backchannel.schemas.Frame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who is on each topic the socket follows, kept from the gateway's presence frames (v2): a
 * {@code presence} snapshot replaces a topic's members, {@code presence.joined / changed / left}
 * update them. Members are users (windows counted); the own user is among them ({@link #others}
 * leaves them out). Framework-free and thread-safe: a UI renders it and listens.
 */
public final class PresenceView {

    private final Map<String, Map<String, PresenceMember>> byTopic = new ConcurrentHashMap<>();
    private final List<PresenceListener> listeners = new CopyOnWriteArrayList<>();

    public void addListener(PresenceListener listener) {
        listeners.add(listener);
    }

    public void removeListener(PresenceListener listener) {
        listeners.remove(listener);
    }

    /** Applies a presence frame; returns whether it was one. */
    public boolean onFrame(Frame frame) {
        String topic;
        synchronized (this) {
            if (frame instanceof Frame.Presence snapshot) {
                Map<String, PresenceMember> members = new LinkedHashMap<>();
                snapshot.members().forEach(m -> members.put(m.userId(),
                        new PresenceMember(m.userId(), m.windows(), m.state(), m.since())));
                byTopic.put(snapshot.topic(), members);
                topic = snapshot.topic();
            } else if (frame instanceof Frame.PresenceJoined joined) {
                held(joined.topic()).put(joined.userId(), new PresenceMember(joined.userId(),
                        joined.windows() == null ? 1 : joined.windows(), joined.state(), null));
                topic = joined.topic();
            } else if (frame instanceof Frame.PresenceChanged changed) {
                PresenceMember held = held(changed.topic()).get(changed.userId());
                int windows = changed.windows() != null ? changed.windows() : held != null ? held.windows() : 1;
                held(changed.topic()).put(changed.userId(), new PresenceMember(changed.userId(), windows,
                        changed.state(), held != null ? held.since() : null));
                topic = changed.topic();
            } else if (frame instanceof Frame.PresenceLeft left) {
                held(left.topic()).remove(left.userId());
                topic = left.topic();
            } else {
                return false;
            }
        }
        List<PresenceMember> now = members(topic, null);
        listeners.forEach(listener -> listener.onMembers(topic, now));
        return true;
    }

    /** Forgets a topic (after unsubscribing): its members are no longer known. */
    public void forget(String topic) {
        byTopic.remove(topic);
        listeners.forEach(listener -> listener.onMembers(topic, List.of()));
    }

    /** The members of the topic, by user id. */
    public List<PresenceMember> members(String topic) {
        return members(topic, null);
    }

    /** The members of the topic other than {@code userId}. */
    public List<PresenceMember> others(String topic, String userId) {
        return members(topic, userId);
    }

    private synchronized List<PresenceMember> members(String topic, String except) {
        List<PresenceMember> found = new ArrayList<>();
        byTopic.getOrDefault(topic, Map.of()).values().forEach(member -> {
            if (!member.userId().equals(except)) {
                found.add(member);
            }
        });
        found.sort(Comparator.comparing(PresenceMember::userId));
        return found;
    }

    private Map<String, PresenceMember> held(String topic) {
        return byTopic.computeIfAbsent(topic, t -> new LinkedHashMap<>());
    }
}
