package dev.backchannel.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.bench.publish.BenchEvents;
import dev.backchannel.bench.publish.EventRange;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real load worker (forked, as in a run) against a small websocket server that writes the frames
 * the test chooses: a frame of one run that arrives after that run was collected is counted late
 * for its own run, never as a frame of the run it arrives in; each event's receipts are known.
 */
class LateFramesAcrossRunsTest {

    private final Vertx vertx = Vertx.vertx();
    private final List<ServerWebSocket> accepted = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private LoadFleet fleet;

    @TempDir
    Path logs;

    @BeforeEach
    void start() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1")
                        .setWebSocketSubProtocols(List.of("backchannel.v1")))
                .webSocketHandler(accepted::add)
                .listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        fleet = LoadFleet.start(2, logs);
        LoadFleet.Connected connected = fleet.connect(URI.create("ws://127.0.0.1:" + server.actualPort() + "/ws"),
                List.of(new SocketSpec(0, "u0", "t0"), new SocketSpec(1, "u0", "t1")), 2);
        assertThat(connected.opened()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> accepted.size() == 2);
    }

    @AfterEach
    void stop() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldCountAFrameThatArrivesAfterItsRunWasCollectedAsLateForItsOwnRun() {
        EventRange first = new EventRange(BenchEvents.firstSequence(), 3);
        EventRange second = new EventRange(first.first() + first.count(), 2);

        fleet.reset(first);
        sendToBoth(first.eventId(0));
        sendToBoth(first.eventId(1));
        accepted.get(0).writeTextMessage(frame(first.eventId(2))); // the other socket's copy comes late
        await().atMost(Duration.ofSeconds(10)).until(() -> fleet.counts().fastFrames() == 5);
        LoadFleet.Collected firstRun = fleet.collect();

        accepted.get(1).writeTextMessage(frame(first.eventId(2))); // after the collect, before the next reset
        fleet.reset(second);
        accepted.get(0).writeTextMessage(frame(first.eventId(2))); // a repeat of the first run's, in the second
        sendToBoth(second.eventId(0));
        sendToBoth(second.eventId(1));
        accepted.get(0).writeTextMessage(frame(second.eventId(1))); // received twice
        await().atMost(Duration.ofSeconds(10)).until(() -> fleet.counts().fastFrames() == 5);
        LoadFleet.Collected secondRun = fleet.collect();

        assertThat(firstRun.fastFrames()).isEqualTo(5);
        assertThat(firstRun.receipts()).containsExactly(2, 2, 1);
        assertThat(firstRun.late().count()).isZero();
        assertThat(secondRun.fastFrames()).as("the first run's frames are not the second's").isEqualTo(5);
        assertThat(secondRun.receipts()).containsExactly(2, 3);
        assertThat(secondRun.late().of(first)).isEqualTo(2);
        assertThat(secondRun.late().of(second)).isZero();
        assertThat(secondRun.late().named()).extracting(LoadFleet.LateFrame::eventId)
                .containsExactly(first.eventId(2), first.eventId(2));
        assertThat(secondRun.late().named()).extracting(LoadFleet.LateFrame::socket).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void shouldCountEveryFrameForARunThatNamesNoEventIds() {
        EventRange ranged = new EventRange(BenchEvents.firstSequence(), 1);
        fleet.reset(ranged);
        sendToBoth(ranged.eventId(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> fleet.counts().fastFrames() == 2);
        fleet.collect();

        fleet.reset();
        sendToBoth(ranged.eventId(0));
        sendToBoth(BenchEvents.eventId(7));
        await().atMost(Duration.ofSeconds(10)).until(() -> fleet.counts().fastFrames() == 4);
        LoadFleet.Collected unranged = fleet.collect();

        assertThat(unranged.fastFrames()).isEqualTo(4);
        assertThat(unranged.receipts()).isNull();
        assertThat(unranged.late().count()).isZero();
    }

    private void sendToBoth(String eventId) {
        String frame = frame(eventId);
        accepted.forEach(ws -> ws.writeTextMessage(frame));
    }

    private static String frame(String eventId) {
        Instant now = Instant.now();
        return BenchEvents.pushedFrame(eventId, now, now);
    }
}
