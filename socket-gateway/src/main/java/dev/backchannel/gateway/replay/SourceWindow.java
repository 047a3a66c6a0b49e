package dev.backchannel.gateway.replay;

import dev.backchannel.gateway.StatusUpdate;
import dev.backchannel.gateway.routing.Audience;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The retained events of one source (its ids sort among themselves, never against another source's),
 * per user and per topic, with what this node can vouch for: the first id it consumed, the highest,
 * and the highest it dropped for age. Not thread-safe: {@link ReplayWindow} guards it.
 */
final class SourceWindow {

    private record Arrival(String eventId, Instant at, Audience audience) {
    }

    private final String source;
    private final int maxPerUser;
    private final int maxPerTopic;
    private final Map<String, EventHistory> users = new HashMap<>();
    private final Map<String, EventHistory> topics = new HashMap<>();
    private final ArrayDeque<Arrival> arrivals = new ArrayDeque<>();
    private String firstSeen;
    private String highestSeen;
    private String expiredThrough;

    SourceWindow(String source, int maxPerUser, int maxPerTopic) {
        this.source = source;
        this.maxPerUser = maxPerUser;
        this.maxPerTopic = maxPerTopic;
    }

    String source() {
        return source;
    }

    void record(StatusUpdate event, Instant now) {
        if (firstSeen == null) {
            firstSeen = event.eventId();
        }
        highestSeen = EventIds.max(highestSeen, event.eventId());
        Audience audience = Audience.of(event);
        boolean added = false;
        if (audience.userId() != null) {
            added |= users.computeIfAbsent(audience.userId(), k -> new EventHistory(maxPerUser)).add(event);
        }
        for (String topic : audience.topics()) {
            added |= topics.computeIfAbsent(topic, k -> new EventHistory(maxPerTopic)).add(event);
        }
        if (added) {
            arrivals.addLast(new Arrival(event.eventId(), now, audience));
        }
    }

    /** Every retained event after {@code lastEventId} for this user and these topics, or why not. */
    Replay after(String userId, Set<String> topicNames, String lastEventId) {
        if (highestSeen != null && EventIds.after(lastEventId, highestSeen)) {
            return Replay.tooOld("event " + lastEventId + " of " + source + " is unknown here (newer than any "
                    + "this node has consumed): reload");
        }
        if (firstSeen == null || (EventIds.after(firstSeen, lastEventId) && !EventIds.adjacent(lastEventId, firstSeen))) {
            return Replay.tooOld("this node started after event " + lastEventId + " of " + source + ": reload");
        }
        if (expiredThrough != null && EventIds.after(expiredThrough, lastEventId)) {
            return Replay.tooOld("event " + lastEventId + " of " + source + " is older than the replay window: reload");
        }
        TreeMap<String, StatusUpdate> merged = new TreeMap<>();
        for (EventHistory history : histories(userId, topicNames)) {
            if (history.evictedThrough() != null && EventIds.after(history.evictedThrough(), lastEventId)) {
                return Replay.tooOld("more events of " + source + " than the replay window holds since "
                        + lastEventId + ": reload");
            }
            history.copyAfter(lastEventId, merged);
        }
        return Replay.of(merged.values().stream().toList());
    }

    /**
     * Every retained event for a client that has none of this source: all the window holds, unless
     * some were dropped for room (those could be ones it lacks).
     */
    Replay all(String userId, Set<String> topicNames) {
        TreeMap<String, StatusUpdate> merged = new TreeMap<>();
        for (EventHistory history : histories(userId, topicNames)) {
            if (history.evictedThrough() != null) {
                return Replay.tooOld("more events of " + source + " than the replay window holds: reload");
            }
            history.copyAfter("", merged);
        }
        return Replay.of(merged.values().stream().toList());
    }

    int retainedForUser(String userId) {
        EventHistory history = users.get(userId);
        return history == null ? 0 : history.size();
    }

    boolean isEmpty() {
        return arrivals.isEmpty();
    }

    void expireOlderThan(Instant cutoff) {
        while (!arrivals.isEmpty() && arrivals.peekFirst().at().isBefore(cutoff)) {
            Arrival old = arrivals.pollFirst();
            expiredThrough = EventIds.max(expiredThrough, old.eventId());
            expire(users, old.audience().userId(), old.eventId());
            for (String topic : old.audience().topics()) {
                expire(topics, topic, old.eventId());
            }
        }
    }

    private List<EventHistory> histories(String userId, Set<String> topicNames) {
        List<EventHistory> found = new ArrayList<>();
        if (users.containsKey(userId)) {
            found.add(users.get(userId));
        }
        for (String topic : topicNames) {
            if (topics.containsKey(topic)) {
                found.add(topics.get(topic));
            }
        }
        return found;
    }

    private static void expire(Map<String, EventHistory> histories, String key, String eventId) {
        EventHistory history = key == null ? null : histories.get(key);
        if (history != null) {
            history.expire(eventId);
            if (history.isEmpty()) {
                // forgetting its room evictions is safe: every one of them is older than expiredThrough
                histories.remove(key);
            }
        }
    }
}
