package dev.backchannel.gateway.replay;

import dev.backchannel.gateway.EventCursor;
import dev.backchannel.gateway.StatusUpdate;
import dev.backchannel.gateway.config.GatewayConfig;
import dev.backchannel.schemas.EventSources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * This node's bounded memory of recent status events, per source, per user and per topic, fed with
 * every event the node consumes (whether or not a socket for it is open here), so a client that
 * reconnects, to this node or any other, gets what it missed. Nothing is persisted: after a restart
 * the window only vouches for events from the first one it consumed.
 *
 * <p>Sources are kept apart (contract v2, several producers): event ids sort within a source only, so
 * an id of one producer never makes another's look old, and a resume is answered source by source
 * ({@link SourceWindow}). For a source the client's cursor names, the answer is complete only when the
 * node can prove it holds every event after it: it has consumed that id or a later one (an id beyond
 * anything it has seen, say from before a data reset, gets {@code reset}), it started no later than the
 * event right after it, nothing after it was dropped for age, and nothing after it was dropped for room
 * from the user's or a topic's history. A source the cursor does not name gets every event the window
 * holds of it.
 */
@ApplicationScoped
public class ReplayWindow {

    /** Sources without retained events are forgotten beyond this many (a resume naming one then resets). */
    static final int MAX_IDLE_SOURCES = 64;

    private final Duration maxAge;
    private final int maxPerUser;
    private final int maxPerTopic;
    private final Clock clock;
    private final Map<String, SourceWindow> sources = new LinkedHashMap<>();

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
        sources.computeIfAbsent(event.source(), source -> new SourceWindow(source, maxPerUser, maxPerTopic))
                .record(event, now);
    }

    /** A v1 resume: every retained event after {@code lastEventId} of the default source (and all of the others). */
    public Replay replay(String userId, Set<String> topicNames, String lastEventId) {
        return replay(userId, topicNames, EventCursor.ofDefault(lastEventId));
    }

    /**
     * Every retained event after the cursor for this user and these topics, source by source (the
     * default source first), each source in id order; or why the node cannot vouch for that.
     */
    public synchronized Replay replay(String userId, Set<String> topicNames, EventCursor cursor) {
        expireOlderThan(clock.instant().minus(maxAge));
        for (String source : cursor.sources()) {
            if (!sources.containsKey(source)) {
                return Replay.tooOld("this node has no events of " + source + " since " + cursor.lastOf(source)
                        + ": reload");
            }
        }
        List<StatusUpdate> events = new ArrayList<>();
        for (SourceWindow window : inReplayOrder()) {
            String source = window.source();
            String lastEventId = cursor.lastOf(source);
            Replay part = lastEventId == null ? window.all(userId, topicNames)
                    : window.after(userId, topicNames, lastEventId);
            if (!part.complete()) {
                return part;
            }
            events.addAll(part.events());
        }
        return Replay.of(events);
    }

    /** Events retained for this user, of every source (for metrics and tests). */
    public synchronized int retainedForUser(String userId) {
        return sources.values().stream().mapToInt(window -> window.retainedForUser(userId)).sum();
    }

    private List<SourceWindow> inReplayOrder() {
        List<SourceWindow> ordered = new ArrayList<>(sources.size());
        SourceWindow first = sources.get(EventSources.DEFAULT);
        if (first != null) {
            ordered.add(first);
        }
        sources.values().stream().filter(window -> window != first).forEach(ordered::add);
        return ordered;
    }

    private void expireOlderThan(Instant cutoff) {
        int idle = 0;
        for (Iterator<SourceWindow> it = sources.values().iterator(); it.hasNext(); ) {
            SourceWindow window = it.next();
            window.expireOlderThan(cutoff);
            if (window.isEmpty() && ++idle > MAX_IDLE_SOURCES) {
                it.remove();
            }
        }
    }
}
