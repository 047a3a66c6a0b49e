package dev.backchannel.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.gateway.PublishingSocketTest;
import dev.backchannel.gateway.StatusEvents;
import dev.backchannel.gateway.TestSocket;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.schemas.Topics;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Resume against the real gateway and broker (test profile: max-events-per-user=50). */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class ResumeTest extends PublishingSocketTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Test
    void resumeAfterMissedEventsGetsExactlyThoseInOrderOnceThenWelcomeResumed() throws Exception {
        String token = TestTokens.forUser("alice-resume");
        try (TestSocket otherWindow = TestSocket.welcomed(vertx, ws, token)) {
            otherWindow.subscribe(Topics.ITEMS);
            StatusEvent seen = StatusEvents.commandOutcomeFor("alice-resume");
            String lastEventId;
            try (TestSocket window = TestSocket.welcomed(vertx, ws, token)) {
                publisher.publish(seen);
                window.awaitEvent(seen.eventId());
                lastEventId = seen.eventId();
            }
            List<StatusEvent> missed = List.of(StatusEvents.commandOutcomeFor("alice-resume"),
                    StatusEvents.itemChangedBy("bob-resume"), StatusEvents.commandOutcomeFor("alice-resume"),
                    StatusEvents.commandOutcomeFor("alice-resume"));
            StatusEvent notHers = StatusEvents.commandOutcomeFor("bob-resume");
            publisher.publishAll(List.of(missed.get(0), notHers, missed.get(1), missed.get(2), missed.get(3)));
            otherWindow.awaitEvent(missed.get(3).eventId());

            try (TestSocket back = TestSocket.welcomed(vertx, ws, token)) {
                back.subscribe(Topics.ITEMS);
                back.resume(lastEventId);

                assertThat(back.eventIds()).containsExactlyElementsOf(missed.stream().map(StatusEvent::eventId).toList());
                assertThat(back.types()).endsWith("welcome+");
                for (String frame : back.frames()) {
                    assertThat(SchemaValidator.instance().violations(MessageSchema.FRAME, frame)).as(frame).isEmpty();
                }
                for (String id : back.eventIds()) {
                    assertThat(back.framesWithEventId(id).get(0).at("/timing/pushedAt").isTextual()).isTrue();
                }
            }
        }
    }

    @Test
    void resumeFromAnEventEvictedFromTheUsersHistoryGetsReset() throws Exception {
        String token = TestTokens.forUser("erin-evicted");
        try (TestSocket window = TestSocket.welcomed(vertx, ws, token)) {
            List<StatusEvent> events = Stream.generate(() -> StatusEvents.commandOutcomeFor("erin-evicted"))
                    .limit(60).toList();
            publisher.publishAll(events);
            window.awaitEvent(events.get(59).eventId());

            try (TestSocket back = TestSocket.welcomed(vertx, ws, token)) {
                back.resume(events.get(0).eventId());

                assertThat(back.framesOfType("reset")).hasSize(1);
                assertThat(back.eventIds()).isEmpty();
                assertThat(back.types()).doesNotContain("welcome+");
            }
        }
    }

    @Test
    void resumeFromAnEventBeforeTheNodeSawAnythingOfItGetsReset() throws Exception {
        try (TestSocket back = TestSocket.welcomed(vertx, ws, TestTokens.forUser("frank-too-old"))) {
            back.resume("00000000000000000001");

            JsonNode reset = back.framesOfType("reset").get(0);
            assertThat(reset.get("reason").asText()).contains("reload");
        }
    }

    @Test
    void liveEventsArrivingDuringAResumeComeAfterTheReplayEachOnceInOrder() throws Exception {
        String token = TestTokens.forUser("gina-overlap");
        try (TestSocket observer = TestSocket.welcomed(vertx, ws, token)) {
            StatusEvent first = StatusEvents.commandOutcomeFor("gina-overlap");
            publisher.publish(first);
            observer.awaitEvent(first.eventId());
            List<StatusEvent> burst = IntStream.range(0, 40)
                    .mapToObj(i -> StatusEvents.commandOutcomeFor("gina-overlap")).toList();

            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                try {
                    publisher.publishAll(burst.subList(0, 20));
                    publisher.publishAll(burst.subList(20, 40));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (TestSocket back = TestSocket.asBrowser(vertx, ws, token)) {
                back.send("{\"type\":\"resume\",\"lastEventId\":\"" + first.eventId() + "\"}");
                publishing.get();
                await().atMost(TIMEOUT).until(() -> !back.framesWithEventId(burst.get(39).eventId()).isEmpty());

                assertThat(back.eventIds()).containsExactlyElementsOf(burst.stream().map(StatusEvent::eventId).toList());
                assertThat(back.types()).containsOnlyOnce("welcome+");
            }
        }
    }
}
