package dev.backchannel.bench.baseline;

import dev.backchannel.bench.publish.BenchEvents;
import dev.backchannel.bench.publish.OpenLoopSchedule;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the machine allows: a minimal websocket server on the gateway's own library (Vert.x) that
 * accepts the same sockets (same path, subprotocol and bearer token, which it reads but does not
 * verify) and writes the same frames to them, serialised once per event, with no schema checks, no
 * replay and no bounds. It is fed two ways, one baseline each:
 * <ul>
 * <li><b>the ceiling</b>, no broker: {@code POST /bench/emit} makes it publish an
 * {@link OpenLoopSchedule} itself;</li>
 * <li><b>broker-fed</b>: {@code POST /bench/subscribe} attaches it to the same embedded broker, with a
 * durable subscription to a multicast address like the gateway's own to {@code status} (the bench
 * uses {@link BaselineProcess#BROKER_FED_ADDRESS}, so the gateway does not get these events too); for
 * each status event it reads {@code userId} and {@code payload}, stamps {@code timing.pushedAt} and
 * writes the payload to that user's sockets, nothing else. Messages are accepted as they arrive.</li>
 * </ul>
 * Run as its own process: {@code BaselineServer <port>}.
 */
public final class BaselineServer {

    private final Vertx vertx = Vertx.vertx();
    private final Map<String, List<ServerWebSocket>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private long nextSequence = BenchEvents.firstSequence();

    public static void main(String[] args) throws Exception {
        new BaselineServer().listen(Integer.parseInt(args[0]));
    }

    private void listen(int port) throws Exception {
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)
                        .setWebSocketSubProtocols(List.of("backchannel.v1")))
                .webSocketHandler(this::onSocket)
                .requestHandler(this::onRequest)
                .listen().toCompletionStage().toCompletableFuture().get();
        System.err.println("baseline listening on 127.0.0.1:" + port);
    }

    private void onSocket(ServerWebSocket ws) {
        String userId = userOf(ws.headers().get("Authorization"));
        if (!"/ws".equals(ws.path()) || userId == null) {
            ws.reject(401);
            return;
        }
        List<ServerWebSocket> sockets = byUser.computeIfAbsent(userId, k -> new CopyOnWriteArrayList<>());
        sockets.add(ws);
        open.incrementAndGet();
        ws.closeHandler(ignored -> {
            sockets.remove(ws);
            open.decrementAndGet();
        });
        ws.exceptionHandler(ignored -> {
        });
        String connectionId = Integer.toHexString(System.identityHashCode(ws));
        ws.writeTextMessage(Json.write(new Frame.Welcome(connectionId, userId, false)));
        ws.textMessageHandler(text -> {
            if (text.contains("\"resume\"")) {
                ws.writeTextMessage(Json.write(new Frame.Welcome(connectionId, userId, true)));
            }
        });
    }

    /** The {@code upn} claim of a bearer token, read without checking the signature. */
    static String userOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return claims.getString("upn", claims.getString("sub"));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void onRequest(HttpServerRequest request) {
        switch (request.path()) {
            case "/bench/health" -> request.response().end("ok");
            case "/bench/stats" -> request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("open", open.get())
                            .put("heapUsed", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed())
                            .encode());
            case "/bench/subscribe" -> request.body().compose(body -> subscribe(body.toJsonObject()))
                    .onSuccess(ignored -> request.response().end("subscribed"))
                    .onFailure(e -> request.response().setStatusCode(500).end(String.valueOf(e)));
            case "/bench/emit" -> request.body().onSuccess(body -> {
                JsonObject plan = body.toJsonObject();
                OpenLoopSchedule schedule = new OpenLoopSchedule(plan.getDouble("rate"), plan.getInteger("count"),
                        plan.getLong("seed"), plan.getJsonArray("users").stream().map(String.class::cast).toList());
                emit(schedule).future().onSuccess(result -> request.response()
                        .putHeader("Content-Type", "application/json").end(result.encode()));
            });
            default -> request.response().setStatusCode(404).end();
        }
    }

    /** Attaches a durable subscription to {@code address}, as the gateway has one to {@code status}. */
    private Future<Void> subscribe(JsonObject broker) {
        AmqpClient client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(broker.getString("host"))
                .setPort(broker.getInteger("port")).setUsername(broker.getString("user"))
                .setPassword(broker.getString("password")).setContainerId("bench-baseline"));
        return client.connect().compose(connection -> connection.createReceiver(broker.getString("address"),
                new AmqpReceiverOptions().addCapability("topic").setDurable(true).setLinkName("bench-baseline")))
                .map(receiver -> {
                    receiver.handler(this::onStatusEvent);
                    return null;
                });
    }

    private void onStatusEvent(AmqpMessage message) {
        JsonObject event = new JsonObject(message.bodyAsBinary());
        JsonObject payload = event.getJsonObject("payload");
        JsonObject timing = payload.getJsonObject("timing");
        if (timing != null) {
            timing.put("pushedAt", Instant.now().toString());
        }
        String frame = payload.encode();
        for (ServerWebSocket ws : byUser.getOrDefault(event.getString("userId"), List.of())) {
            ws.writeTextMessage(frame);
        }
    }

    /** Writes every due event's frame to each socket of its user, from a 1 ms timer. */
    private Promise<JsonObject> emit(OpenLoopSchedule schedule) {
        Promise<JsonObject> done = Promise.promise();
        int[] users = schedule.userIndexes();
        long first = nextSequence;
        nextSequence += schedule.count();
        long startNanos = System.nanoTime() + 100_000_000L;
        Instant startAt = Instant.now().plusMillis(100);
        int[] next = {0};
        long[] frames = {0};
        long[] maxLag = {0};
        vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (next[0] < schedule.count()) {
                long due = startNanos + schedule.dueNanos(next[0]);
                if (due > now) {
                    break;
                }
                maxLag[0] = Math.max(maxLag[0], now - due);
                Instant dueAt = startAt.plusNanos(schedule.dueNanos(next[0]));
                String frame = BenchEvents.pushedFrame(BenchEvents.eventId(first + next[0]), dueAt, Instant.now());
                for (ServerWebSocket ws : byUser.getOrDefault(schedule.users().get(users[next[0]]), List.of())) {
                    ws.writeTextMessage(frame);
                    frames[0]++;
                }
                next[0]++;
            }
            if (next[0] == schedule.count()) {
                vertx.cancelTimer(timer);
                done.complete(new JsonObject().put("events", schedule.count()).put("frames", frames[0])
                        .put("maxLagMillis", maxLag[0] / 1e6));
            }
        });
        return done;
    }
}
