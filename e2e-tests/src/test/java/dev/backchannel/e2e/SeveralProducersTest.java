package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.schemas.ClientRequest;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.schemas.Timing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Several producers of status events (contract v2) on the running system: a second producer,
 * {@code reports}, with ids of its own (ULID-like, so they sort after every processor id) emits beside
 * the processor. Neither silences the other, resume is exact for both, on either gateway node, and a
 * resume from an id nobody issued gets {@code reset} and then every live frame.
 */
class SeveralProducersTest {

    private static final Duration PUSH = Duration.ofSeconds(30);
    private static final String REPORTS = "reports";
    private static final AtomicLong REPORT_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    private final RunningSystem system = RunningSystem.get();
    private static StatusAddress producer;

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void aSecondProducersEventsReachTheUserWhileTheProcessorsKeepArriving() {
        String user = "sol";
        try (Window window = Window.open(system, user)) {
            List<Report> reports = new ArrayList<>();
            List<String> commands = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                reports.add(report(user));
                Command command = Commands.create(Commands.newEntityId(), "Beside the reports " + i);
                assertThat(window.client().submit(command).settled().orTimeout(60, TimeUnit.SECONDS).join().state())
                        .isEqualTo(ReceiptState.SUCCEEDED);
                commands.add(command.commandId());
            }

            await().atMost(PUSH).until(() -> reports.stream().allMatch(r -> window.outcomesOf(r.commandId()).size() == 1));
            assertThat(commands).allSatisfy(id -> assertThat(window.outcomesOf(id)).hasSize(1));
            assertThat(window.client().socket().resumeCursor()).containsKeys("processor", REPORTS);
            assertThat(window.schemaViolations()).isEmpty();
        }
    }

    @Test
    void resumeIsExactForBothSourcesOnTheSameNode() {
        assertResumeIsExactForBoth("tim", Service.SOCKET_GATEWAY, Service.SOCKET_GATEWAY);
    }

    @Test
    void resumeIsExactForBothSourcesOnAnotherNode() {
        assertResumeIsExactForBoth("uma", Service.SOCKET_GATEWAY, Service.SOCKET_GATEWAY_B);
    }

    @Test
    void aResumeFromAnIdNobodyIssuedGetsResetAndThenEveryLiveFrame() {
        String user = "val";
        QuerySideProbe session = new QuerySideProbe(system, user);
        try (Window sender = Window.open(system, user);
                RawSocket tabFromBeforeADataReset = RawSocket.open(system, Service.SOCKET_GATEWAY, session.token())) {
            tabFromBeforeADataReset.send(new ClientRequest.Resume("99999999999999999999"));
            await().atMost(PUSH).until(() -> tabFromBeforeADataReset.frames().stream().anyMatch(Frame.Reset.class::isInstance));

            Command after = Commands.create(Commands.newEntityId(), "After the reset");
            sender.client().submit(after).settled().orTimeout(60, TimeUnit.SECONDS).join();

            await().atMost(PUSH).until(() -> tabFromBeforeADataReset.outcomes().stream()
                    .anyMatch(o -> o.commandId().equals(after.commandId())));
        }
    }

    private void assertResumeIsExactForBoth(String user, Service first, Service second) {
        QuerySideProbe session = new QuerySideProbe(system, user);
        try (Window sender = Window.open(system, user, Service.SOCKET_GATEWAY_B)) {
            String lastOfProcessor;
            Report lastOfReports;
            try (RawSocket before = RawSocket.open(system, first, session.token())) {
                Command seen = Commands.create(Commands.newEntityId(), "Seen before the drop");
                sender.client().submit(seen).settled().orTimeout(60, TimeUnit.SECONDS).join();
                lastOfReports = report(user);
                await().atMost(PUSH).until(() -> before.outcomes().stream().anyMatch(o -> o.eventId().equals(lastOfReports.eventId()))
                        && before.outcomes().stream().anyMatch(o -> o.commandId().equals(seen.commandId())));
                lastOfProcessor = before.outcomes().stream().filter(o -> o.commandId().equals(seen.commandId()))
                        .findFirst().orElseThrow().eventId();
            }
            List<String> missedOfProcessor = new ArrayList<>();
            List<Report> missedOfReports = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                missedOfReports.add(report(user));
                Command command = Commands.create(Commands.newEntityId(), "Missed " + i);
                assertThat(sender.client().submit(command).settled().orTimeout(60, TimeUnit.SECONDS).join().state())
                        .isEqualTo(ReceiptState.SUCCEEDED);
                missedOfProcessor.add(command.commandId());
            }
            await().atMost(PUSH).until(() -> missedOfReports.stream().allMatch(r -> sender.outcomesOf(r.commandId()).size() == 1));

            try (RawSocket after = RawSocket.open(system, second, session.token())) {
                after.send(new ClientRequest.Resume(lastOfProcessor, Map.of(REPORTS, lastOfReports.eventId())));

                await().atMost(PUSH).until(after::resumed);
                List<Frame.CommandOutcome> replayed = after.outcomes();
                assertThat(replayed.stream().filter(o -> o.source() == null).map(Frame.CommandOutcome::commandId))
                        .containsExactlyElementsOf(missedOfProcessor);
                assertThat(replayed.stream().filter(o -> REPORTS.equals(o.source())).map(Frame.Event::eventId))
                        .containsExactlyElementsOf(missedOfReports.stream().map(Report::eventId).toList());
                assertThat(after.frames().get(after.frames().size() - 1)).isInstanceOf(Frame.Welcome.class);
                assertThat(after.schemaViolations()).isEmpty();
            }
        }
    }

    /** One event of the {@code reports} producer: its own event id, and the command id its frame names. */
    private record Report(String eventId, String commandId) {
    }

    /** Publishes one outcome of the {@code reports} producer for {@code user}. */
    private Report report(String user) {
        String eventId = "01J" + String.format("%023d", REPORT_IDS.incrementAndGet());
        Instant now = Instant.now();
        String commandId = UUID.randomUUID().toString();
        Frame.CommandSucceeded frame = new Frame.CommandSucceeded(eventId, commandId,
                UUID.randomUUID().toString(), "success", now, "Your report is ready", null,
                Timing.processed(now, now, 1, now), null, REPORTS);
        producer().publish(Json.write(new StatusEvent(eventId, now, user, null, frame, REPORTS)), user);
        return new Report(eventId, commandId);
    }

    private synchronized StatusAddress producer() {
        if (producer == null) {
            producer = new StatusAddress(system);
        }
        return producer;
    }
}
