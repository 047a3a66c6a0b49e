package dev.backchannel.bench.load;

import dev.backchannel.schemas.Subprotocols;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.HdrHistogram.Recorder;

/**
 * The presence watchers of one load worker (contract v2): {@code backchannel.v2} sockets that
 * subscribe one record topic in their upgrade request ({@code ?subscribe=items/<id>}) and say
 * {@code presence.set} on it, each as its own user. Every {@code presence.set} carries
 * {@code {"benchAt":<epoch µs>}}, so a watcher that sees {@code presence.changed} or
 * {@code presence.joined} of another user measures set-to-receipt latency from the frame alone.
 * Churn, at fixed rates: {@code presence.set} changes on random watchers, and rejoins (a watcher
 * closes, which makes it leave, and reconnects and sets again, which makes it join).
 */
final class PresenceWatchers {

    private final Vertx vertx;
    private final IntFunction<WebSocketClient> clients;
    private final Map<Integer, Watcher> watchers = new ConcurrentHashMap<>();
    private final Recorder changedLatency = new Recorder(Latencies.HIGHEST_MICROS, 3);
    private final Recorder joinedLatency = new Recorder(Latencies.HIGHEST_MICROS, 3);
    private final LongAdder snapshotFrames = new LongAdder();
    private final LongAdder joinedFrames = new LongAdder();
    private final LongAdder changedFrames = new LongAdder();
    private final LongAdder leftFrames = new LongAdder();
    private final LongAdder errorFrames = new LongAdder();
    private String host;
    private int port;
    private String uri;
    private String topic;

    /** @param clients the worker's websocket client for a socket index (spread over the source addresses) */
    PresenceWatchers(Vertx vertx, IntFunction<WebSocketClient> clients) {
        this.vertx = vertx;
        this.clients = clients;
    }

    /** Opens the watchers (at most {@code maxInFlight} at a time); each sets its presence once open. */
    Future<JsonObject> connect(JsonObject request) {
        host = request.getString("host");
        port = request.getInteger("port");
        topic = request.getString("topic");
        uri = request.getString("path") + "?" + Subprotocols.SUBSCRIBE_PARAMETER + "="
                + URLEncoder.encode(topic, StandardCharsets.UTF_8);
        JsonArray specs = request.getJsonArray("sockets");
        if (specs.isEmpty()) {
            return Future.succeededFuture(new JsonObject().put("opened", 0).put("failed", 0));
        }
        int maxInFlight = request.getInteger("maxInFlight", 50);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        Promise<JsonObject> done = Promise.promise();
        Runnable[] launch = new Runnable[1];
        launch[0] = () -> {
            int index = next.getAndIncrement();
            if (index >= specs.size()) {
                return;
            }
            JsonObject spec = specs.getJsonObject(index);
            Watcher watcher = new Watcher(spec.getInteger("i"), spec.getString("user"), spec.getString("token"));
            watchers.put(watcher.index, watcher);
            open(watcher).onComplete(result -> {
                if (result.succeeded()) {
                    opened.incrementAndGet();
                }
                if (finished.incrementAndGet() == specs.size()) {
                    done.complete(new JsonObject().put("opened", opened.get())
                            .put("failed", specs.size() - opened.get()));
                } else {
                    launch[0].run();
                }
            });
        };
        for (int i = 0; i < Math.min(maxInFlight, specs.size()); i++) {
            launch[0].run();
        }
        return done.future();
    }

    /** Opens the watcher's socket and sets its presence. */
    private Future<WebSocket> open(Watcher watcher) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(port).setURI(uri)
                .addSubProtocol(Subprotocols.V2).addHeader("Authorization", "Bearer " + watcher.token);
        return Upgrades.connect(vertx, clients.apply(watcher.index), options, Upgrades.TIMEOUT_MS).onSuccess(ws -> {
            watcher.ws = ws;
            watcher.open = true;
            ws.textMessageHandler(text -> onFrame(watcher, text));
            ws.exceptionHandler(error -> {
            });
            ws.closeHandler(ignored -> {
                if (watcher.ws == ws) {
                    watcher.open = false;
                }
            });
            set(watcher);
        });
    }

    private void set(Watcher watcher) {
        watcher.ws.writeTextMessage(new JsonObject().put("type", "presence.set").put("topic", topic)
                .put("state", new JsonObject().put("benchAt", Latencies.nowMicros())).encode());
    }

    private void onFrame(Watcher watcher, String text) {
        String type = FrameFields.type(text);
        if (type == null) {
            return;
        }
        switch (type) {
            case "presence" -> snapshotFrames.increment();
            case "presence.joined" -> {
                joinedFrames.increment();
                recordFromOther(watcher, text, joinedLatency);
            }
            case "presence.changed" -> {
                changedFrames.increment();
                recordFromOther(watcher, text, changedLatency);
            }
            case "presence.left" -> leftFrames.increment();
            case "error" -> errorFrames.increment();
            default -> {
                // welcome and the rest: not measured here
            }
        }
    }

    /** Set-to-receipt latency, for another user's change only (a watcher's own comes back too). */
    private static void recordFromOther(Watcher watcher, String text, Recorder latency) {
        if (watcher.user.equals(FrameFields.userId(text))) {
            return;
        }
        long at = FrameFields.longValue(text, "benchAt");
        if (at > 0) {
            latency.recordValue(Math.max(0, Math.min(Latencies.HIGHEST_MICROS, Latencies.nowMicros() - at)));
        }
    }

    /** Presence frames received since the last collect (cheap enough to poll). */
    JsonObject counts() {
        int open = 0;
        for (Watcher watcher : watchers.values()) {
            open += watcher.open ? 1 : 0;
        }
        return new JsonObject().put("open", open).put("snapshotFrames", snapshotFrames.sum())
                .put("joinedFrames", joinedFrames.sum()).put("changedFrames", changedFrames.sum())
                .put("leftFrames", leftFrames.sum()).put("errorFrames", errorFrames.sum());
    }

    /** Everything measured since the last collect, then starts over. */
    JsonObject collect() {
        JsonObject counts = counts();
        snapshotFrames.reset();
        joinedFrames.reset();
        changedFrames.reset();
        leftFrames.reset();
        errorFrames.reset();
        return counts.put("changedLatency", Latencies.encode(changedLatency.getIntervalHistogram()))
                .put("joinedLatency", Latencies.encode(joinedLatency.getIntervalHistogram()));
    }

    /**
     * Churn for {@code durationMs}: {@code setsPerSecond} presence changes and {@code rejoinsPerSecond}
     * rejoins, each on a random open watcher, at fixed rates; completes a second after the end (or
     * when the last rejoin finished, at most 10 s later) with what it did.
     */
    Future<JsonObject> churn(JsonObject request) {
        Churn churn = new Churn(request.getLong("durationMs"), request.getDouble("setsPerSecond"),
                request.getDouble("rejoinsPerSecond"), new SplittableRandom(request.getLong("seed")));
        churn.start();
        return churn.done.future();
    }

    /** These watchers close (each leaves); completes when they are closed. */
    Future<JsonObject> leave(JsonArray indexes) {
        List<Future<Void>> closing = new ArrayList<>();
        for (Object index : indexes) {
            Watcher watcher = watchers.get((Integer) index);
            if (watcher != null && watcher.open) {
                closing.add(watcher.ws.close().otherwiseEmpty());
            }
        }
        return Future.join(closing).map(ignored -> new JsonObject().put("left", closing.size()));
    }

    /** These (closed) watchers reconnect and set their presence again (each joins). */
    Future<JsonObject> rejoin(JsonArray indexes) {
        List<Future<WebSocket>> opening = new ArrayList<>();
        for (Object index : indexes) {
            Watcher watcher = watchers.get((Integer) index);
            if (watcher != null && !watcher.open) {
                opening.add(open(watcher));
            }
        }
        return Future.join(opening).transform(ignored -> Future.succeededFuture(new JsonObject()
                .put("joined", opening.stream().filter(Future::succeeded).count())));
    }

    Future<JsonObject> closeAll() {
        List<Future<Void>> closing = new ArrayList<>();
        for (Watcher watcher : watchers.values()) {
            if (watcher.open) {
                closing.add(watcher.ws.close().otherwiseEmpty());
            }
        }
        watchers.clear();
        Promise<JsonObject> done = Promise.promise();
        long timer = vertx.setTimer(15_000, id -> done.tryComplete(new JsonObject().put("closed", closing.size())));
        Future.join(closing).onComplete(ignored -> {
            vertx.cancelTimer(timer);
            done.tryComplete(new JsonObject().put("closed", closing.size()));
        });
        return done.future();
    }

    private final class Churn {
        private static final long TICK_MS = 5;
        private final long durationMs;
        private final double setsPerSecond;
        private final double rejoinsPerSecond;
        private final SplittableRandom random;
        private final Promise<JsonObject> done = Promise.promise();
        private final List<Integer> indexes = new ArrayList<>(watchers.keySet());
        private final AtomicInteger rejoining = new AtomicInteger();
        private final AtomicLong joins = new AtomicLong();
        private final AtomicLong leaves = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private long startNanos;
        private long sets;
        private long rejoinsStarted;
        private long skipped;
        private long timer;

        Churn(long durationMs, double setsPerSecond, double rejoinsPerSecond, SplittableRandom random) {
            this.durationMs = durationMs;
            this.setsPerSecond = setsPerSecond;
            this.rejoinsPerSecond = rejoinsPerSecond;
            this.random = random;
        }

        void start() {
            startNanos = System.nanoTime();
            if (indexes.isEmpty()) {
                vertx.setTimer(Math.max(1, durationMs), id -> finish());
                return;
            }
            timer = vertx.setPeriodic(TICK_MS, id -> tick());
        }

        private void tick() {
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            double until = Math.min(elapsed, durationMs / 1000.0);
            while (sets + skipped < (long) (until * setsPerSecond)) {
                Watcher watcher = pickOpen();
                if (watcher == null) {
                    skipped++;
                } else {
                    set(watcher);
                    sets++;
                }
            }
            while (rejoinsStarted < (long) (until * rejoinsPerSecond)) {
                rejoinsStarted++;
                Watcher watcher = pickOpen();
                if (watcher == null) {
                    skipped++;
                } else {
                    rejoin(watcher);
                }
            }
            if (elapsed * 1000 >= durationMs) {
                vertx.cancelTimer(timer);
                long settleUntil = System.nanoTime() + 10_000_000_000L;
                vertx.setTimer(1_000, id -> settle(settleUntil));
            }
        }

        private void settle(long untilNanos) {
            if (rejoining.get() > 0 && System.nanoTime() < untilNanos) {
                vertx.setTimer(200, id -> settle(untilNanos));
            } else {
                finish();
            }
        }

        /** A random open watcher that is not rejoining, or null after a few tries. */
        private Watcher pickOpen() {
            for (int attempt = 0; attempt < 8; attempt++) {
                Watcher watcher = watchers.get(indexes.get(random.nextInt(indexes.size())));
                if (watcher != null && watcher.open && !watcher.rejoining) {
                    return watcher;
                }
            }
            return null;
        }

        private void rejoin(Watcher watcher) {
            watcher.rejoining = true;
            rejoining.incrementAndGet();
            watcher.ws.close().onComplete(closed -> {
                leaves.incrementAndGet();
                open(watcher).onComplete(opened -> {
                    if (opened.succeeded()) {
                        joins.incrementAndGet();
                    } else {
                        failures.incrementAndGet();
                    }
                    watcher.rejoining = false;
                    rejoining.decrementAndGet();
                });
            });
        }

        private void finish() {
            done.tryComplete(new JsonObject().put("sets", sets).put("joins", joins.get()).put("leaves", leaves.get())
                    .put("failures", failures.get()).put("skipped", skipped).put("watchers", indexes.size()));
        }
    }

    /** One watcher socket. */
    private static final class Watcher {
        final int index;
        final String user;
        final String token;
        volatile WebSocket ws;
        volatile boolean open;
        volatile boolean rejoining;

        Watcher(int index, String user, String token) {
            this.index = index;
            this.user = user;
            this.token = token;
        }
    }
}
