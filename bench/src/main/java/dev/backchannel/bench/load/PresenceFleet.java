package dev.backchannel.bench.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;

/**
 * The driver's side of the presence watchers ({@link PresenceWatchers}) in every worker: socket
 * {@code i} lives in worker {@code i % workers}, as in {@link LoadFleet}; churn rates are split
 * evenly over the workers.
 */
public final class PresenceFleet {

    private static final Duration CALL = Duration.ofSeconds(90);

    private final List<WorkerProcess> workers;

    PresenceFleet(List<WorkerProcess> workers) {
        this.workers = workers;
    }

    /** Opens the watchers ({@code backchannel.v2}, subscribed to {@code topic}); each sets its presence. */
    public int connect(URI socketUrl, String topic, List<SocketSpec> watchers, int maxInFlight) {
        List<JsonArray> shares = new ArrayList<>();
        workers.forEach(w -> shares.add(new JsonArray()));
        for (SocketSpec socket : watchers) {
            shares.get(socket.index() % workers.size()).add(new JsonObject().put("i", socket.index())
                    .put("user", socket.userId()).put("token", socket.token()));
        }
        List<CompletableFuture<JsonObject>> replies = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            replies.add(workers.get(i).call("watchersConnect", new JsonObject().put("host", socketUrl.getHost())
                    .put("port", socketUrl.getPort()).put("path", socketUrl.getPath()).put("topic", topic)
                    .put("sources", new JsonArray(LoadFleet.SOURCE_ADDRESSES)).put("sockets", shares.get(i))
                    .put("maxInFlight", maxInFlight), Duration.ofMinutes(3)));
        }
        return join(replies).stream().mapToInt(r -> r.getInteger("opened")).sum();
    }

    /** Presence frames received since the last collect, without the histograms. */
    public PresenceTally counts() {
        return tally(join(all("presenceCounts", new JsonObject())), Churned.NONE);
    }

    /** Everything the watchers measured since the last collect (which starts them over), with the churn done. */
    public Collected collect(Churned churned) {
        Histogram changed = Latencies.newHistogram();
        Histogram joined = Latencies.newHistogram();
        List<JsonObject> replies = join(all("presenceCollect", new JsonObject()));
        for (JsonObject reply : replies) {
            changed.add(Latencies.decode(reply.getString("changedLatency")));
            joined.add(Latencies.decode(reply.getString("joinedLatency")));
        }
        return new Collected(tally(replies, churned), changed, joined);
    }

    /** Churns for {@code duration}; completes with what the workers did once their last rejoin settled. */
    public CompletableFuture<Churned> churn(Duration duration, double setsPerSecond, double rejoinsPerSecond,
            long seed) {
        List<CompletableFuture<JsonObject>> replies = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            replies.add(workers.get(i).call("churn", new JsonObject().put("durationMs", duration.toMillis())
                    .put("setsPerSecond", setsPerSecond / workers.size())
                    .put("rejoinsPerSecond", rejoinsPerSecond / workers.size()).put("seed", seed + i),
                    duration.plus(CALL)));
        }
        return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            long sets = 0;
            long joins = 0;
            long leaves = 0;
            long failures = 0;
            long skipped = 0;
            for (JsonObject reply : join(replies)) {
                sets += reply.getLong("sets");
                joins += reply.getLong("joins");
                leaves += reply.getLong("leaves");
                failures += reply.getLong("failures");
                skipped += reply.getLong("skipped");
            }
            return new Churned(sets, joins, leaves, failures, skipped);
        });
    }

    /** These watchers close (each leaves once); the number that closed. */
    public int leave(List<Integer> indexes) {
        return byWorker("watchersLeave", indexes).stream().mapToInt(r -> r.getInteger("left")).sum();
    }

    /** These closed watchers reconnect and set their presence (each joins once); the number that did. */
    public int rejoin(List<Integer> indexes) {
        return byWorker("watchersRejoin", indexes).stream().mapToInt(r -> r.getInteger("joined")).sum();
    }

    private List<JsonObject> byWorker(String op, List<Integer> indexes) {
        List<JsonArray> shares = new ArrayList<>();
        workers.forEach(w -> shares.add(new JsonArray()));
        indexes.forEach(i -> shares.get(i % workers.size()).add(i));
        List<CompletableFuture<JsonObject>> replies = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            replies.add(workers.get(i).call(op, new JsonObject().put("indexes", shares.get(i)), CALL));
        }
        return join(replies);
    }

    private static PresenceTally tally(List<JsonObject> replies, Churned churned) {
        long open = 0;
        long snapshots = 0;
        long joined = 0;
        long changed = 0;
        long left = 0;
        long errors = 0;
        for (JsonObject reply : replies) {
            open += reply.getLong("open");
            snapshots += reply.getLong("snapshotFrames");
            joined += reply.getLong("joinedFrames");
            changed += reply.getLong("changedFrames");
            left += reply.getLong("leftFrames");
            errors += reply.getLong("errorFrames");
        }
        return new PresenceTally(open, churned.sets(), churned.joins(), churned.leaves(), snapshots, joined, changed,
                left, errors);
    }

    private List<CompletableFuture<JsonObject>> all(String op, JsonObject arguments) {
        return workers.stream().map(w -> w.call(op, arguments, CALL)).toList();
    }

    private static List<JsonObject> join(List<CompletableFuture<JsonObject>> replies) {
        return replies.stream().map(CompletableFuture::join).toList();
    }

    /** What the churn did: presence changes sent, rejoins (a leave and a join each), failed reconnects. */
    public record Churned(long sets, long joins, long leaves, long failures, long skipped) {
        public static final Churned NONE = new Churned(0, 0, 0, 0, 0);
    }

    /** The tally, and the set-to-receipt latencies of other users' changes and joins. */
    public record Collected(PresenceTally tally, Histogram changedLatency, Histogram joinedLatency) {
    }
}
