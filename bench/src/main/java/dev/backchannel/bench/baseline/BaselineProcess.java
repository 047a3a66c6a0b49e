package dev.backchannel.bench.baseline;

import dev.backchannel.bench.publish.OpenLoopSchedule;
import dev.backchannel.launcher.ServiceProcess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The driver's handle on a forked {@link BaselineServer}. */
public final class BaselineProcess implements AutoCloseable {

    /**
     * The multicast address the broker-fed baseline subscribes to: made like {@code status} (durable
     * messages, a durable subscription), but its own, so the gateway's subscription gets none of
     * the baseline's events and neither side pays for the other's run.
     */
    public static final String BROKER_FED_ADDRESS = "bench.status";

    private final ServiceProcess process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private BaselineProcess(ServiceProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it with the same heap as the gateway; with {@code wait}, waits until it answers. */
    public static BaselineProcess start(int port, String heap, Path log, boolean wait) {
        ServiceProcess process = ServiceProcess.java("baseline", List.of("-Xmx" + heap, "-cp",
                System.getProperty("java.class.path"), BaselineServer.class.getName(), String.valueOf(port)),
                java.util.Map.of(), log);
        process.start();
        BaselineProcess baseline = new BaselineProcess(process, port);
        if (wait) {
            baseline.awaitReady();
        }
        return baseline;
    }

    public void awaitReady() {
        process.awaitReady(Duration.ofSeconds(60), this::answers);
    }

    public URI socketUrl() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    public long pid() {
        return process.pid();
    }

    /** Attaches the broker-fed side to the broker (once, before the first broker-fed run). */
    public void subscribe(String host, int port, String user, String password) {
        JsonObject broker = new JsonObject().put("host", host).put("port", port).put("user", user)
                .put("password", password).put("address", BROKER_FED_ADDRESS);
        String answer = send(HttpRequest.newBuilder(url("/bench/subscribe")).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(broker.encode())).build());
        if (!"subscribed".equals(answer)) {
            throw new IllegalStateException("the broker-fed baseline could not subscribe: " + answer);
        }
    }

    /** Publishes the schedule inside the baseline; returns its answer once every frame was written. */
    public JsonObject emit(OpenLoopSchedule schedule) {
        JsonObject plan = new JsonObject().put("rate", schedule.ratePerSecond()).put("count", schedule.count())
                .put("seed", schedule.seed()).put("users", new JsonArray(schedule.users()));
        Duration timeout = Duration.ofSeconds((long) schedule.durationSeconds() + 60);
        return new JsonObject(send(HttpRequest.newBuilder(url("/bench/emit")).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(plan.encode())).build()));
    }

    /** Heap in use now (force a GC first for heap after GC). */
    public long heapUsed() {
        return new JsonObject(send(HttpRequest.newBuilder(url("/bench/stats")).timeout(Duration.ofSeconds(10)).build()))
                .getLong("heapUsed");
    }

    private boolean answers() {
        try {
            return http.send(HttpRequest.newBuilder(url("/bench/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("baseline did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        process.stop();
    }
}
