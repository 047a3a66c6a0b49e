package dev.backchannel.gateway.replay;

import dev.backchannel.gateway.StatusUpdate;
import dev.backchannel.gateway.config.GatewayConfig;
import dev.backchannel.gateway.routing.Audience;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * This node's bounded memory of recent status events, per user and per topic, fed with every event
 * the node consumes (whether or not a socket for it is open here), so a client that reconnects, to
 * this node or any other, gets what it missed. Nothing is persisted: after a restart the window only
 * vouches for events from the first one it consumed.
 *
 * <p>A resume from {@code lastEventId} is answered completely only when the node can prove it holds
 * every event after it: the node has consumed everything since then (it started no later than the
 * event right after {@code lastEventId}), nothing after it was dropped for age anywhere (the age
 * floor), and nothing after it was dropped for room from the user's or a topic's history.
 */
@ApplicationScoped
public class ReplayWindow {

    private record Arrival(String eventId, Instant at, Audience audience) {
    }

    private final Duration maxAge;
    private final int maxPerUser;
    private final int maxPerTopic;
    private final Clock clock;
    private final Map<String, EventHistory> users = new HashMap<>();
    private final Map<String, EventHistory> topics = new HashMap<>();
    private final ArrayDeque<Arrival> arrivals = new ArrayDeque<>();
    private String firstSeen;
    private String expiredThrough;

    @Inject
    public ReplayWindow(GatewayConfig config) {
        this(config.replay().maxAge(), config.replay().maxEventsPerUser(), config.replay().maxEventsPerTopic(),
                Clock.systemUTC());
    }

    ReplayWindow(Duration maxAge, int maxPerUser, int maxPerTopic, Clock clock) {
        this.maxAge = maxAge;
        this.maxPerUser = maxPerUser;
        this.maxPerTopic = maxPerTopic;
        this.clock = clock;
    }

    /** Remembers one consumed event (a repeat of a retained event is ignored). */
    public synchronized void record(StatusUpdate event) {
        Instant now = clock.instant();
        expireOlderThan(now.minus(maxAge));
        if (firstSeen == null) {
            firstSeen = event.eventId();
        }
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
    public synchronized Replay replay(String userId, Set<String> topicNames, String lastEventId) {
        expireOlderThan(clock.instant().minus(maxAge));
        if (firstSeen == null || (EventIds.after(firstSeen, lastEventId) && !EventIds.adjacent(lastEventId, firstSeen))) {
            return Replay.tooOld("this node started after event " + lastEventId + ": reload");
        }
        if (expiredThrough != null && EventIds.after(expiredThrough, lastEventId)) {
            return Replay.tooOld("event " + lastEventId + " is older than the replay window: reload");
        }
        TreeMap<String, StatusUpdate> merged = new TreeMap<>();
        for (EventHistory history : histories(userId, topicNames)) {
            if (history.evictedThrough() != null && EventIds.after(history.evictedThrough(), lastEventId)) {
                return Replay.tooOld("more events than the replay window holds since " + lastEventId + ": reload");
            }
            history.copyAfter(lastEventId, merged);
        }
        return Replay.of(merged.values().stream().toList());
    }

    /** Events retained for this user (for metrics and tests). */
    public synchronized int retainedForUser(String userId) {
        EventHistory history = users.get(userId);
        return history == null ? 0 : history.size();
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

    private void expireOlderThan(Instant cutoff) {
        while (!arrivals.isEmpty() && arrivals.peekFirst().at().isBefore(cutoff)) {
            Arrival old = arrivals.pollFirst();
            expiredThrough = EventIds.max(expiredThrough, old.eventId());
            expire(users, old.audience().userId(), old.eventId());
            for (String topic : old.audience().topics()) {
                expire(topics, topic, old.eventId());
            }
        }
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
