package dev.backchannel.bench.load;

import dev.backchannel.bench.publish.EventRange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;

/**
 * Every load-generator process of a run. Socket {@code i} lives in worker {@code i % workers};
 * each worker spreads its sockets over {@link #SOURCE_ADDRESSES}, so one (source, destination)
 * pair never runs out of ephemeral ports.
 */
public final class LoadFleet implements AutoCloseable {

    /** Sockets one worker holds at most (a process may have 20,000 open files here). */
    public static final int SOCKETS_PER_WORKER = 9_000;
    /** Loopback source addresses the sockets are spread over. */
    public static final List<String> SOURCE_ADDRESSES = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5");

    private static final Duration CALL = Duration.ofSeconds(90);

    private final List<WorkerProcess> workers;

    private LoadFleet(List<WorkerProcess> workers) {
        this.workers = workers;
    }

    /** Enough workers for {@code maxSockets} sockets at once. */
    public static LoadFleet start(int maxSockets, Path logDir) {
        int count = Math.max(1, (maxSockets + SOCKETS_PER_WORKER - 1) / SOCKETS_PER_WORKER);
        List<WorkerProcess> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            workers.add(WorkerProcess.start("load-worker-" + (i + 1), logDir.resolve("load-worker-" + (i + 1) + ".log"),
                    maxSockets > 4_000 ? "768m" : "256m"));
        }
        return new LoadFleet(workers);
    }

    public int size() {
        return workers.size();
    }

    /** The presence watchers of this fleet's workers. */
    public PresenceFleet presence() {
        return new PresenceFleet(workers);
    }

    public List<Long> pids() {
        return workers.stream().map(WorkerProcess::pid).toList();
    }

    /** Opens the sockets (at most {@code maxInFlight} handshakes at a time per worker). */
    public Connected connect(URI socketUrl, List<SocketSpec> sockets, int maxInFlight) {
        List<JsonArray> shares = new ArrayList<>();
        workers.forEach(w -> shares.add(new JsonArray()));
        for (SocketSpec socket : sockets) {
            shares.get(socket.index() % workers.size()).add(new JsonObject().put("i", socket.index())
                    .put("user", socket.userId()).put("token", socket.token()));
        }
        List<CompletableFuture<JsonObject>> replies = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            replies.add(workers.get(i).call("connect", new JsonObject().put("host", socketUrl.getHost())
                    .put("port", socketUrl.getPort()).put("path", socketUrl.getPath())
                    .put("sources", new JsonArray(SOURCE_ADDRESSES)).put("sockets", shares.get(i))
                    .put("maxInFlight", maxInFlight), Duration.ofMinutes(3)));
        }
        int opened = 0;
        Map<String, Long> failures = new HashMap<>();
        Histogram handshakes = Latencies.newHistogram();
        for (JsonObject reply : join(replies)) {
            opened += reply.getInteger("opened");
            reply.getJsonObject("failed").forEach(e -> failures.merge(e.getKey(), ((Number) e.getValue()).longValue(),
                    Long::sum));
            handshakes.add(Latencies.decode(reply.getString("handshakes")));
        }
        return new Connected(sockets.size(), opened, failures, handshakes);
    }

    /** Starts a run whose event ids are not known (every {@code command.succeeded} frame counts for it). */
    public void reset() {
        join(all("reset", new JsonObject()));
    }

    /**
     * Starts a run of the events in {@code range}: only their frames count for it, and a frame of
     * another id (an earlier run's, arriving after that run was collected) is counted as late.
     */
    public void reset(EventRange range) {
        join(all("reset", new JsonObject().put("first", range.first()).put("count", range.count())));
    }

    /** Frames received since the last reset, without the histograms (cheap enough to poll). */
    public Counts counts() {
        long fast = 0;
        long slow = 0;
        long open = 0;
        long closed = 0;
        for (JsonObject reply : join(all("counts", new JsonObject()))) {
            fast += reply.getLong("fastFrames");
            slow += reply.getLong("slowFrames");
            open += reply.getLong("open");
            closed += reply.getLong("closedByServer");
        }
        return new Counts(fast, slow, open, closed);
    }

    /** Everything measured since the last reset, merged over the workers. */
    public Collected collect() {
        Histogram fast = Latencies.newHistogram();
        Histogram slow = Latencies.newHistogram();
        long fastFrames = 0;
        long slowFrames = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        Map<String, Long> closes = new HashMap<>();
        int[] receipts = null;
        int[] bySocket = null;
        long open = 0;
        Map<String, Long> lateByRun = new HashMap<>();
        List<LateFrame> lateNamed = new ArrayList<>();
        for (JsonObject reply : join(all("collect", new JsonObject()))) {
            String encoded = reply.getString("receipts");
            if (encoded != null) {
                int[] here = RunReceipts.decode(encoded);
                if (receipts == null) {
                    receipts = here;
                } else {
                    for (int i = 0; i < Math.min(receipts.length, here.length); i++) {
                        receipts[i] += here[i];
                    }
                }
            }
            String socketsEncoded = reply.getString("bySocket");
            if (socketsEncoded != null) {
                int[] here = RunReceipts.decodeBySocket(socketsEncoded);
                if (bySocket == null || bySocket.length < here.length) {
                    int[] wider = new int[here.length];
                    if (bySocket != null) {
                        System.arraycopy(bySocket, 0, wider, 0, bySocket.length);
                    }
                    bySocket = wider;
                }
                for (int i = 0; i < here.length; i++) {
                    bySocket[i] += here[i];
                }
            }
            JsonObject late = reply.getJsonObject("late");
            if (late != null) {
                late.getJsonObject("byRun").forEach(e -> lateByRun.merge(e.getKey(),
                        ((Number) e.getValue()).longValue(), Long::sum));
                late.getJsonArray("named").forEach(named -> {
                    JsonObject frame = (JsonObject) named;
                    lateNamed.add(new LateFrame(frame.getString("eventId"), frame.getInteger("socket"),
                            frame.getDouble("latencyMs")));
                });
            }
            fast.add(Latencies.decode(reply.getString("fastLatency")));
            slow.add(Latencies.decode(reply.getString("slowLatency")));
            fastFrames += reply.getLong("fastFrames");
            slowFrames += reply.getLong("slowFrames");
            open += reply.getLong("open");
            long firstHere = reply.getLong("firstReceiptMicros");
            if (firstHere > 0) {
                first = Math.min(first, firstHere);
            }
            last = Math.max(last, reply.getLong("lastReceiptMicros"));
            reply.getJsonObject("closes").forEach(e -> closes.merge(e.getKey(), ((Number) e.getValue()).longValue(),
                    Long::sum));
        }
        return new Collected(fastFrames, slowFrames, fast, slow, first == Long.MAX_VALUE ? 0 : first, last, closes,
                receipts, bySocket, new Late(lateByRun, lateNamed), open);
    }

    /** These sockets stop reading. */
    public int pause(Collection<Integer> indexes) {
        List<JsonArray> shares = new ArrayList<>();
        workers.forEach(w -> shares.add(new JsonArray()));
        indexes.forEach(i -> shares.get(i % workers.size()).add(i));
        List<CompletableFuture<JsonObject>> replies = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            replies.add(workers.get(i).call("pause", new JsonObject().put("indexes", shares.get(i)), CALL));
        }
        return join(replies).stream().mapToInt(r -> r.getInteger("paused")).sum();
    }

    public void resumeReading() {
        join(all("resumeReading", new JsonObject()));
    }

    /** Drops every socket at {@code dropAtMicros} and reconnects them with the client's backoff. */
    public Storm storm(long dropAtMicros, Duration backoffInitial, Duration backoffMax, long seed, Duration deadline) {
        List<CompletableFuture<JsonObject>> replies = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            replies.add(workers.get(i).call("storm", new JsonObject().put("dropAtMicros", dropAtMicros)
                    .put("backoffInitialMs", backoffInitial.toMillis()).put("backoffMaxMs", backoffMax.toMillis())
                    .put("seed", seed + i).put("deadlineMs", deadline.toMillis()), deadline.plusSeconds(30)));
        }
        int sockets = 0;
        int resumed = 0;
        int resets = 0;
        int unresumed = 0;
        int failedAttempts = 0;
        double allResumedAfter = 0;
        Map<String, Long> failures = new HashMap<>();
        Histogram handshakes = Latencies.newHistogram();
        Histogram resumeTimes = Latencies.newHistogram();
        for (JsonObject reply : join(replies)) {
            sockets += reply.getInteger("sockets");
            resumed += reply.getInteger("resumed");
            resets += reply.getInteger("resets");
            unresumed += reply.getInteger("unresumed");
            failedAttempts += reply.getInteger("failedAttempts");
            allResumedAfter = Math.max(allResumedAfter, reply.getDouble("allResumedAfterMs"));
            reply.getJsonObject("failures").forEach(e -> failures.merge(e.getKey(),
                    ((Number) e.getValue()).longValue(), Long::sum));
            handshakes.add(Latencies.decode(reply.getString("handshakes")));
            resumeTimes.add(Latencies.decode(reply.getString("resumeTimes")));
        }
        return new Storm(sockets, resumed, resets, unresumed, failedAttempts, failures, allResumedAfter, handshakes,
                resumeTimes);
    }

    public void closeAll() {
        join(all("closeAll", new JsonObject()));
    }

    private List<CompletableFuture<JsonObject>> all(String op, JsonObject arguments) {
        return workers.stream().map(w -> w.call(op, arguments, CALL)).toList();
    }

    private static List<JsonObject> join(List<CompletableFuture<JsonObject>> replies) {
        return replies.stream().map(CompletableFuture::join).toList();
    }

    @Override
    public void close() {
        workers.forEach(WorkerProcess::close);
    }

    public record Connected(int asked, int opened, Map<String, Long> failures, Histogram handshakes) {
        public long failed() {
            return asked - opened;
        }
    }

    public record Counts(long fastFrames, long slowFrames, long open, long closedByServer) {
    }

    /**
     * @param receipts frames of each event of the run's {@link EventRange} at the fast sockets (null: the
     *                 run named no range)
     * @param bySocket the run's frames at each socket index (null: the run named no range)
     * @param late     frames of other runs that arrived since the previous collect
     * @param open     push sockets open at the collect
     */
    public record Collected(long fastFrames, long slowFrames, Histogram fastLatency, Histogram slowLatency,
            long firstReceiptMicros, long lastReceiptMicros, Map<String, Long> closes, int[] receipts, int[] bySocket,
            Late late, long open) {
    }

    /**
     * Frames of an earlier run that arrived after it was collected: how many of each run (by the first
     * sequence of its {@link EventRange}, or {@code "other"}), and the first few by name.
     */
    public record Late(Map<String, Long> byRun, List<LateFrame> named) {

        public static final Late NONE = new Late(Map.of(), List.of());

        public long count() {
            return byRun.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Late frames of the run whose events are {@code range}. */
        public long of(EventRange range) {
            return range == null ? 0 : byRun.getOrDefault(String.valueOf(range.first()), 0L);
        }
    }

    /** One late frame: its event id, the socket it reached, and its latency from its publish time (ms). */
    public record LateFrame(String eventId, int socket, double latencyMs) {
    }

    public record Storm(int sockets, int resumed, int resets, int unresumed, int failedAttempts,
            Map<String, Long> failures, double allResumedAfterMillis, Histogram handshakes, Histogram resumeTimes) {
    }
}
