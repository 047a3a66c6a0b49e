package dev.backchannel.bench.load;

import dev.backchannel.bench.publish.EventRange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code command.succeeded} frames that arrived while no run of theirs was open: a frame of an
 * earlier run after that run was collected (or not a benchmark event at all). Counted by the run
 * they belong to (the first sequence of its {@link EventRange}, of the last {@link #REMEMBERED} runs;
 * {@code "other"} for any other id), never as the current run's, with the first few named (event id,
 * socket, latency from its publish time). Thread-safe.
 */
final class LateFrames {

    static final int NAMED = 50;
    static final int REMEMBERED = 16;
    static final String OTHER = "other";

    private final Deque<EventRange> earlierRuns = new ArrayDeque<>();
    private final Map<String, Long> byRun = new LinkedHashMap<>();
    private final List<JsonObject> named = new ArrayList<>();

    /** A run was collected: its frames are late from now on. */
    synchronized void closed(EventRange range) {
        if (!earlierRuns.contains(range)) {
            earlierRuns.addFirst(range);
            if (earlierRuns.size() > REMEMBERED) {
                earlierRuns.removeLast();
            }
        }
    }

    synchronized void record(String eventId, int socket, long latencyMicros) {
        String run = OTHER;
        for (EventRange range : earlierRuns) {
            if (range.contains(eventId)) {
                run = String.valueOf(range.first());
                break;
            }
        }
        byRun.merge(run, 1L, Long::sum);
        if (named.size() < NAMED) {
            named.add(new JsonObject().put("eventId", eventId).put("socket", socket)
                    .put("latencyMs", latencyMicros < 0 ? -1 : latencyMicros / 1000.0));
        }
    }

    /** What arrived since the last drain ({@code byRun}: first sequence of the run, or other → frames), and starts again. */
    synchronized JsonObject drain() {
        JsonObject runs = new JsonObject();
        byRun.forEach(runs::put);
        JsonObject drained = new JsonObject().put("byRun", runs).put("named", new JsonArray(new ArrayList<>(named)));
        byRun.clear();
        named.clear();
        return drained;
    }
}
