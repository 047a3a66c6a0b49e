package dev.backchannel.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.gateway.PublishingSocketTest;
import dev.backchannel.gateway.StatusEvents;
import dev.backchannel.gateway.TestSocket;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several producers of status events (contract v2) through the real broker: a second producer with
 * its own ids (ULID-like, sorting after every processor id) and its own {@code source} never
 * suppresses the processor's events, and resume is exact for both.
 */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class SeveralProducersTest extends PublishingSocketTest {

    private static final String REPORTS = "reports";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Test
    void aSecondProducersEventsReachTheUserWhileTheProcessorsKeepArriving() throws Exception {
        String user = "sp-alice";
        try (TestSocket window = TestSocket.welcomed(vertx, ws, TestTokens.forUser(user))) {
            List<StatusEvent> interleaved = List.of(
                    StatusEvents.fromSource(REPORTS, user, StatusEvents.newUlidLikeId()),
                    StatusEvents.commandOutcomeFor(user),
                    StatusEvents.fromSource(REPORTS, user, StatusEvents.newUlidLikeId()),
                    StatusEvents.commandOutcomeFor(user),
                    StatusEvents.commandOutcomeFor(user));
            publisher.publishAll(interleaved);

            await().atMost(TIMEOUT).until(() -> window.eventIds().size() == interleaved.size());
            assertThat(window.eventIds()).containsExactlyElementsOf(interleaved.stream().map(StatusEvent::eventId).toList());
            assertThat(window.framesWithEventId(interleaved.get(0).eventId()).get(0).path("source").asText())
                    .isEqualTo(REPORTS);
            assertThat(window.framesWithEventId(interleaved.get(1).eventId()).get(0).has("source")).isFalse();
            for (String frame : window.frames()) {
                assertThat(SchemaValidator.instance().violations(MessageSchema.FRAME, frame)).as(frame).isEmpty();
            }
        }
    }

    @Test
    void resumeWithACursorPerSourceGetsExactlyTheMissedEventsOfBoth() throws Exception {
        String user = "sp-bob";
        String token = TestTokens.forUser(user);
        try (TestSocket witness = TestSocket.welcomed(vertx, ws, token)) {
            StatusEvent seenOfProcessor = StatusEvents.commandOutcomeFor(user);
            StatusEvent seenOfReports = StatusEvents.fromSource(REPORTS, user, StatusEvents.newUlidLikeId());
            try (TestSocket window = TestSocket.welcomed(vertx, ws, token)) {
                publisher.publishAll(List.of(seenOfProcessor, seenOfReports));
                window.awaitEvent(seenOfReports.eventId());
                window.awaitEvent(seenOfProcessor.eventId());
            }
            List<StatusEvent> missed = List.of(StatusEvents.commandOutcomeFor(user),
                    StatusEvents.fromSource(REPORTS, user, StatusEvents.newUlidLikeId()),
                    StatusEvents.commandOutcomeFor(user));
            publisher.publishAll(missed);
            witness.awaitEvent(missed.get(2).eventId());

            try (TestSocket back = TestSocket.welcomed(vertx, ws, token)) {
                back.send("{\"type\":\"resume\",\"lastEventId\":\"" + seenOfProcessor.eventId()
                        + "\",\"cursor\":{\"reports\":\"" + seenOfReports.eventId() + "\"}}");
                await().atMost(TIMEOUT).until(() -> back.types().contains("welcome+") || back.types().contains("reset"));

                // source by source, each in id order: the processor's first, then the other producer's
                assertThat(back.eventIds()).containsExactly(missed.get(0).eventId(), missed.get(2).eventId(),
                        missed.get(1).eventId());
                assertThat(back.types()).endsWith("welcome+");
            }
            try (TestSocket backV2 = TestSocket.asV2(vertx, ws, token, "resume=" + seenOfProcessor.eventId()
                    + "&resume.reports=" + missed.get(1).eventId())) {
                await().atMost(TIMEOUT).until(() -> backV2.types().contains("welcome+"));

                assertThat(backV2.eventIds()).containsExactly(missed.get(0).eventId(), missed.get(2).eventId());
            }
        }
    }

    @Test
    void resumeFromAnIdBeyondAnythingIssuedGetsResetAndThenEveryLiveEvent() throws Exception {
        String user = "sp-carol";
        String token = TestTokens.forUser(user);
        try (TestSocket window = TestSocket.welcomed(vertx, ws, token)) {
            StatusEvent before = StatusEvents.commandOutcomeFor(user);
            publisher.publish(before);
            window.awaitEvent(before.eventId());
        }
        try (TestSocket tabFromBeforeADataReset = TestSocket.welcomed(vertx, ws, token)) {
            tabFromBeforeADataReset.resume("99999999999999999999");
            assertThat(tabFromBeforeADataReset.framesOfType("reset")).hasSize(1);
            assertThat(tabFromBeforeADataReset.framesOfType("reset").get(0).path("reason").asText())
                    .contains("unknown");

            StatusEvent after = StatusEvents.commandOutcomeFor(user);
            publisher.publish(after);
            tabFromBeforeADataReset.awaitEvent(after.eventId());
        }
    }

    @Test
    void anInvalidCursorIsRefusedWithAClearErrorAndTheSocketStaysOpen() throws Exception {
        try (TestSocket window = TestSocket.welcomed(vertx, ws, TestTokens.forUser("sp-dave"))) {
            window.sendAndBarrier("{\"type\":\"resume\",\"cursor\":{\"Not A Source\":\"00000000000000000001\"}}");

            assertThat(window.framesOfType("error").get(0).path("code").asText()).isEqualTo("bad_request");
            assertThat(window.isClosed()).isFalse();
        }
    }
}
