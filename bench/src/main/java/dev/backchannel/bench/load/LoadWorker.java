package dev.backchannel.bench.load;

import dev.backchannel.bench.publish.EventRange;
import dev.backchannel.client.time.Backoff;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One load-generator process (a forked JVM; one process holds at most about 19,000 sockets here).
 * It holds websocket clients, spread over several 127.0.0.x source addresses, and measures what
 * they receive: every {@code command.succeeded} frame's latency from its {@code timestamp} (the
 * publish time) to its receipt, in HdrHistogram; and presence watchers ({@link PresenceWatchers}).
 * The driver ({@link WorkerProcess}) sends one JSON
 * request per line on stdin; each gets one JSON reply line with the same {@code id} on stdout.
 */
public final class LoadWorker {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final PrintStream out;
    private final List<WebSocketClient> clients = new ArrayList<>();
    private final Map<Integer, BenchSocket> sockets = new ConcurrentHashMap<>();
    private final Recorder fastLatency = new Recorder(Latencies.HIGHEST_MICROS, 3);
    private final Recorder slowLatency = new Recorder(Latencies.HIGHEST_MICROS, 3);
    private final LongAdder fastFrames = new LongAdder();
    private final LongAdder slowFrames = new LongAdder();
    private final AtomicLong firstReceipt = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastReceipt = new AtomicLong();
    private final Map<String, LongAdder> closes = new ConcurrentHashMap<>();
    /** The current run's event ids and their receipts; null: the run named no range, every frame counts. */
    private volatile RunReceipts run;
    private final LateFrames late = new LateFrames();
    private volatile Storm storm;
    private final PresenceWatchers watchers = new PresenceWatchers(vertx,
            index -> clients.get(Math.floorMod(index, clients.size())));
    private String host;
    private int port;
    private String path;

    private LoadWorker(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err); // stdout carries replies only
        LoadWorker worker = new LoadWorker(out);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            JsonObject request = new JsonObject(line);
            if ("exit".equals(request.getString("op"))) {
                break;
            }
            worker.handle(request);
        }
        worker.vertx.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        System.exit(0);
    }

    private void handle(JsonObject request) {
        long id = request.getLong("id");
        Future<JsonObject> reply;
        try {
            reply = switch (request.getString("op")) {
                case "connect" -> connect(request);
                case "counts" -> Future.succeededFuture(counts());
                case "reset" -> Future.succeededFuture(reset(request));
                case "collect" -> Future.succeededFuture(collect());
                case "pause" -> Future.succeededFuture(pause(request.getJsonArray("indexes")));
                case "resumeReading" -> Future.succeededFuture(resumeReading());
                case "storm" -> storm(request);
                case "closeAll" -> closeAll();
                case "watchersConnect" -> {
                    ensureClients(request.getJsonArray("sources"));
                    yield watchers.connect(request);
                }
                case "presenceCounts" -> Future.succeededFuture(watchers.counts());
                case "presenceCollect" -> Future.succeededFuture(watchers.collect());
                case "churn" -> watchers.churn(request);
                case "watchersLeave" -> watchers.leave(request.getJsonArray("indexes"));
                case "watchersRejoin" -> watchers.rejoin(request.getJsonArray("indexes"));
                default -> Future.failedFuture("unknown op " + request.getString("op"));
            };
        } catch (RuntimeException e) {
            reply = Future.failedFuture(e);
        }
        reply.onComplete(result -> {
            JsonObject answer = result.succeeded() ? result.result().put("ok", true)
                    : new JsonObject().put("ok", false).put("error", String.valueOf(result.cause()));
            synchronized (out) {
                out.println(answer.put("id", id).encode());
            }
        });
    }

    // ---------------------------------------------------------------- connecting

    private Future<JsonObject> connect(JsonObject request) {
        host = request.getString("host");
        port = request.getInteger("port");
        path = request.getString("path");
        ensureClients(request.getJsonArray("sources"));
        JsonArray specs = request.getJsonArray("sockets");
        int maxInFlight = request.getInteger("maxInFlight", 200);
        Histogram handshakes = Latencies.newHistogram();
        AtomicInteger opened = new AtomicInteger();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        Promise<JsonObject> done = Promise.promise();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        Runnable[] launch = new Runnable[1];
        launch[0] = () -> {
            int index = next.getAndIncrement();
            if (index >= specs.size()) {
                return;
            }
            JsonObject spec = specs.getJsonObject(index);
            BenchSocket socket = new BenchSocket(spec.getInteger("i"), spec.getString("user"), spec.getString("token"));
            long started = System.nanoTime();
            open(socket).onComplete(result -> {
                synchronized (handshakes) {
                    Latencies.record(handshakes, (System.nanoTime() - started) / 1_000);
                }
                if (result.succeeded()) {
                    opened.incrementAndGet();
                } else {
                    failures.computeIfAbsent(reason(result.cause()), k -> new LongAdder()).increment();
                }
                if (finished.incrementAndGet() == specs.size()) {
                    JsonObject failed = new JsonObject();
                    failures.forEach((k, v) -> failed.put(k, v.sum()));
                    done.complete(new JsonObject().put("opened", opened.get()).put("failed", failed)
                            .put("handshakes", Latencies.encode(handshakes)));
                } else {
                    launch[0].run();
                }
            });
        };
        if (specs.isEmpty()) {
            return Future.succeededFuture(new JsonObject().put("opened", 0).put("failed", new JsonObject())
                    .put("handshakes", Latencies.encode(handshakes)));
        }
        for (int i = 0; i < Math.min(maxInFlight, specs.size()); i++) {
            launch[0].run();
        }
        return done.future();
    }

    /** One websocket client per source address, made on the first connect. */
    private void ensureClients(JsonArray sources) {
        if (clients.isEmpty()) {
            for (Object source : sources) {
                clients.add(vertx.createWebSocketClient(new WebSocketClientOptions().setLocalAddress((String) source)
                        .setMaxConnections(100_000).setConnectTimeout(30_000).setClosingTimeout(2)));
            }
        }
    }

    /** Opens (or reopens) one socket; completes once the upgrade is done. */
    private Future<WebSocket> open(BenchSocket socket) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(port).setURI(path)
                .addSubProtocol("backchannel.v1").addHeader("Authorization", "Bearer " + socket.token);
        WebSocketClient client = clients.get(Math.floorMod(socket.index, clients.size()));
        return Upgrades.connect(vertx, client, options, Upgrades.TIMEOUT_MS).onSuccess(ws -> {
            socket.ws = ws;
            socket.open = true;
            socket.openedNanos = System.nanoTime();
            sockets.put(socket.index, socket);
            ws.textMessageHandler(text -> onFrame(socket, text));
            ws.exceptionHandler(error -> {
            });
            ws.closeHandler(ignored -> {
                if (socket.ws != ws) {
                    return; // an earlier connection of this socket, replaced in a storm
                }
                socket.open = false;
                if (!socket.closingOurselves) {
                    Short code = ws.closeStatusCode();
                    closes.computeIfAbsent(String.valueOf(code), k -> new LongAdder()).increment();
                    // stderr is the worker's log: which socket, why, and how long after it opened
                    System.err.printf("socket %d (user %s) closed by the server: code %s, reason %s, %d ms after it"
                            + " opened%n", socket.index, socket.user, code, ws.closeReason(),
                            (System.nanoTime() - socket.openedNanos) / 1_000_000);
                }
            });
        });
    }

    private void onFrame(BenchSocket socket, String text) {
        String type = FrameFields.type(text);
        if ("command.succeeded".equals(type)) {
            long now = Latencies.nowMicros();
            long sent = FrameFields.timestampMicros(text);
            String eventId = FrameFields.eventId(text);
            socket.lastEventId = eventId;
            RunReceipts current = run;
            if (current != null && !socket.slow && !current.record(eventId, socket.index)) {
                // not one of the open run's events: a frame of an earlier run, after that run was collected
                late.record(eventId, socket.index, sent > 0 ? now - sent : -1);
                return;
            }
            if (sent > 0) {
                (socket.slow ? slowLatency : fastLatency).recordValue(
                        Math.max(0, Math.min(Latencies.HIGHEST_MICROS, now - sent)));
            }
            (socket.slow ? slowFrames : fastFrames).increment();
            firstReceipt.accumulateAndGet(now, Math::min);
            lastReceipt.accumulateAndGet(now, Math::max);
        } else if ("welcome".equals(type) || "reset".equals(type)) {
            Storm current = storm;
            if (current != null && socket.awaitingResume) {
                boolean resumedNow = "reset".equals(type) || FrameFields.resumed(text) || socket.lastEventId == null;
                if (resumedNow) {
                    socket.awaitingResume = false;
                    current.resumed(socket, "reset".equals(type));
                }
            }
        }
    }

    // ---------------------------------------------------------------- measuring

    private JsonObject counts() {
        int open = 0;
        for (BenchSocket socket : sockets.values()) {
            open += socket.open ? 1 : 0;
        }
        return new JsonObject().put("fastFrames", fastFrames.sum()).put("slowFrames", slowFrames.sum())
                .put("open", open).put("closedByServer", closedByServer());
    }

    private long closedByServer() {
        return closes.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /**
     * Starts counting a new run. With {@code first} and {@code count} (the run's event ids), only
     * those ids count for it; frames of other ids are late ({@link LateFrames}, reported by the next
     * collect, never cleared here).
     */
    private JsonObject reset(JsonObject request) {
        Long first = request.getLong("first");
        int socketSlots = sockets.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        run = first == null ? null : new RunReceipts(new EventRange(first, request.getInteger("count")), socketSlots);
        fastLatency.reset();
        slowLatency.reset();
        fastFrames.reset();
        slowFrames.reset();
        firstReceipt.set(Long.MAX_VALUE);
        lastReceipt.set(0);
        closes.clear();
        return new JsonObject();
    }

    /** What the run measured; its range closes, so frames of it that arrive later are late. */
    private JsonObject collect() {
        RunReceipts current = run;
        if (current != null) {
            current.close();
            late.closed(current.range());
        }
        JsonObject closed = new JsonObject();
        closes.forEach((code, count) -> closed.put(code, count.sum()));
        return counts().put("receipts", current == null ? null : current.encode())
                .put("bySocket", current == null ? null : current.encodeBySocket()).put("late", late.drain()).put("fastLatency", Latencies.encode(fastLatency.getIntervalHistogram()))
                .put("slowLatency", Latencies.encode(slowLatency.getIntervalHistogram()))
                .put("firstReceiptMicros", firstReceipt.get() == Long.MAX_VALUE ? 0 : firstReceipt.get())
                .put("lastReceiptMicros", lastReceipt.get()).put("closes", closed);
    }

    /** These sockets stop reading: their frames pile up in the kernel and then in the server. */
    private JsonObject pause(JsonArray indexes) {
        int paused = 0;
        for (Object index : indexes) {
            BenchSocket socket = sockets.get((Integer) index);
            if (socket != null && socket.open) {
                socket.slow = true;
                socket.ws.pause();
                paused++;
            }
        }
        return new JsonObject().put("paused", paused);
    }

    private JsonObject resumeReading() {
        for (BenchSocket socket : sockets.values()) {
            if (socket.slow) {
                socket.slow = false;
                if (socket.open) {
                    socket.ws.resume();
                }
            }
        }
        return new JsonObject();
    }

    private Future<JsonObject> closeAll() {
        List<Future<Void>> closing = new ArrayList<>();
        for (BenchSocket socket : sockets.values()) {
            if (socket.open) {
                socket.closingOurselves = true;
                closing.add(socket.ws.close().otherwiseEmpty());
            }
        }
        sockets.clear();
        int count = closing.size();
        closing.add(watchers.closeAll().<Void>mapEmpty());
        Promise<JsonObject> done = Promise.promise();
        long timer = vertx.setTimer(15_000, id -> done.tryComplete(new JsonObject().put("closed", count)));
        Future.join(closing).onComplete(ignored -> {
            vertx.cancelTimer(timer);
            done.tryComplete(new JsonObject().put("closed", count));
        });
        return done.future();
    }

    // ---------------------------------------------------------------- reconnect storm

    /**
     * Drops every socket at {@code dropAtMicros} (wall clock, the same instant in every worker), then
     * reconnects each after the client library's reconnect backoff (full jitter), sends
     * {@code resume} with the last event id it saw, and waits for {@code welcome} with
     * {@code resumed: true} (or {@code reset}). Failed attempts retry with the next backoff step
     * until the deadline.
     */
    private Future<JsonObject> storm(JsonObject request) {
        Backoff backoff = new Backoff(Duration.ofMillis(request.getLong("backoffInitialMs")),
                Duration.ofMillis(request.getLong("backoffMaxMs")), 2.0);
        Storm current = new Storm(new ArrayList<>(sockets.values()), backoff,
                new SplittableRandom(request.getLong("seed")), request.getLong("dropAtMicros"),
                request.getLong("deadlineMs"));
        storm = current;
        long delayMs = Math.max(1, (current.dropAtMicros - Latencies.nowMicros()) / 1_000);
        vertx.setTimer(delayMs, id -> current.drop());
        return current.done.future();
    }

    private final class Storm {
        private final List<BenchSocket> members;
        private final Backoff backoff;
        private final SplittableRandom random;
        private final long dropAtMicros;
        private final long deadlineMs;
        private final Histogram handshakes = Latencies.newHistogram();
        private final Histogram resumeTimes = Latencies.newHistogram();
        private final Promise<JsonObject> done = Promise.promise();
        private final AtomicInteger resumed = new AtomicInteger();
        private final AtomicInteger resets = new AtomicInteger();
        private final AtomicInteger failedAttempts = new AtomicInteger();
        private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        private final AtomicLong lastResumedMicros = new AtomicLong();
        private final HashSet<Integer> pendingIndexes = new HashSet<>();

        Storm(List<BenchSocket> members, Backoff backoff, SplittableRandom random, long dropAtMicros, long deadlineMs) {
            this.members = members;
            this.backoff = backoff;
            this.random = random;
            this.dropAtMicros = dropAtMicros;
            this.deadlineMs = deadlineMs;
        }

        void drop() {
            if (members.isEmpty()) {
                finish();
                return;
            }
            for (BenchSocket socket : members) {
                synchronized (pendingIndexes) {
                    pendingIndexes.add(socket.index);
                }
                socket.closingOurselves = true;
                socket.awaitingResume = true;
                if (socket.open) {
                    socket.ws.close((short) 1001);
                }
                long delay;
                synchronized (random) {
                    delay = backoff.fullJitter(1, random).toMillis();
                }
                vertx.setTimer(Math.max(1, delay), id -> attempt(socket, 1));
            }
            vertx.setTimer(deadlineMs, id -> finish());
        }

        private void attempt(BenchSocket socket, int number) {
            if (done.future().isComplete()) {
                return;
            }
            socket.closingOurselves = false;
            long started = System.nanoTime();
            open(socket).onComplete(result -> {
                synchronized (handshakes) {
                    Latencies.record(handshakes, (System.nanoTime() - started) / 1_000);
                }
                if (result.succeeded()) {
                    WebSocket ws = result.result();
                    if (socket.lastEventId != null) {
                        ws.writeTextMessage(new JsonObject().put("type", "resume")
                                .put("lastEventId", socket.lastEventId).encode());
                    }
                } else {
                    failedAttempts.incrementAndGet();
                    failures.computeIfAbsent(reason(result.cause()), k -> new LongAdder()).increment();
                    long delay;
                    synchronized (random) {
                        delay = backoff.fullJitter(number + 1, random).toMillis();
                    }
                    vertx.setTimer(Math.max(1, delay), id -> attempt(socket, number + 1));
                }
            });
        }

        void resumed(BenchSocket socket, boolean reset) {
            long now = Latencies.nowMicros();
            synchronized (resumeTimes) {
                Latencies.record(resumeTimes, now - dropAtMicros);
            }
            lastResumedMicros.accumulateAndGet(now, Math::max);
            (reset ? resets : resumed).incrementAndGet();
            boolean all;
            synchronized (pendingIndexes) {
                pendingIndexes.remove(socket.index);
                all = pendingIndexes.isEmpty();
            }
            if (all) {
                finish();
            }
        }

        private void finish() {
            if (done.future().isComplete()) {
                return;
            }
            storm = null;
            int unresumed;
            synchronized (pendingIndexes) {
                unresumed = pendingIndexes.size();
            }
            JsonObject failed = new JsonObject();
            failures.forEach((k, v) -> failed.put(k, v.sum()));
            long last = lastResumedMicros.get();
            JsonObject result;
            synchronized (handshakes) {
                synchronized (resumeTimes) {
                    result = new JsonObject().put("sockets", members.size()).put("resumed", resumed.get())
                            .put("resets", resets.get()).put("unresumed", unresumed)
                            .put("failedAttempts", failedAttempts.get()).put("failures", failed)
                            .put("allResumedAfterMs", last == 0 ? 0 : (last - dropAtMicros) / 1000.0)
                            .put("handshakes", Latencies.encode(handshakes))
                            .put("resumeTimes", Latencies.encode(resumeTimes));
                }
            }
            done.tryComplete(result);
        }
    }

    private static String reason(Throwable failure) {
        String text = failure == null ? "unknown" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return text.length() > 120 ? text.substring(0, 120) : text;
    }

    /** One client socket and what the worker knows of it. */
    private static final class BenchSocket {
        final int index;
        final String user;
        final String token;
        volatile WebSocket ws;
        volatile boolean open;
        volatile boolean slow;
        volatile boolean closingOurselves;
        volatile boolean awaitingResume;
        volatile String lastEventId;
        volatile long openedNanos;

        BenchSocket(int index, String user, String token) {
            this.index = index;
            this.user = user;
            this.token = token;
        }
    }
}
