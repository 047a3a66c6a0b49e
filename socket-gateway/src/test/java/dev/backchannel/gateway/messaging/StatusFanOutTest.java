package dev.backchannel.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.gateway.PublishingSocketTest;
import dev.backchannel.gateway.StatusEvents;
import dev.backchannel.gateway.TestSocket;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.schemas.Topics;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class StatusFanOutTest extends PublishingSocketTest {

    @Test
    void commandOutcomeReachesEveryConnectionOfItsUserAndNoOtherUser() throws Exception {
        try (TestSocket aliceWindow1 = TestSocket.welcomed(vertx, ws, TestTokens.forUser("alice"));
                TestSocket aliceWindow2 = TestSocket.welcomed(vertx, ws, TestTokens.forUser("alice"));
                TestSocket bob = TestSocket.welcomed(vertx, ws, TestTokens.forUser("bob"))) {
            bob.subscribe(Topics.ITEMS);
            StatusEvent forAlice = StatusEvents.commandOutcomeFor("alice");
            StatusEvent markerForBob = StatusEvents.commandOutcomeFor("bob");

            publisher.publish(forAlice);
            publisher.publish(markerForBob);

            aliceWindow1.awaitEvent(forAlice.eventId());
            aliceWindow2.awaitEvent(forAlice.eventId());
            bob.awaitEvent(markerForBob.eventId());
            assertThat(bob.framesWithEventId(forAlice.eventId())).isEmpty();
            assertThat(aliceWindow1.framesWithEventId(forAlice.eventId())).hasSize(1);
            assertThat(aliceWindow1.framesWithEventId(markerForBob.eventId())).isEmpty();
            assertEveryFrameValidWithPushedAt(aliceWindow1, aliceWindow2, bob);
        }
    }

    @Test
    void entityChangedReachesTopicSubscribersOnly() throws Exception {
        try (TestSocket bob = TestSocket.welcomed(vertx, ws, TestTokens.forUser("bob"));
                TestSocket carol = TestSocket.welcomed(vertx, ws, TestTokens.forUser("carol"))) {
            bob.subscribe(Topics.ITEMS);
            StatusEvent change = StatusEvents.itemChangedBy("alice");
            StatusEvent markerForCarol = StatusEvents.commandOutcomeFor("carol");

            publisher.publish(change);
            publisher.publish(markerForCarol);

            bob.awaitEvent(change.eventId());
            carol.awaitEvent(markerForCarol.eventId());
            assertThat(carol.framesWithEventId(change.eventId())).isEmpty();
            JsonNode frame = bob.framesWithEventId(change.eventId()).get(0);
            assertThat(frame.get("type").asText()).isEqualTo("entity.changed");
            assertThat(frame.get("changedBy").asText()).isEqualTo("alice");
            assertEveryFrameValidWithPushedAt(bob, carol);
        }
    }

    @Test
    void eventNamingBothUserAndSubscribedTopicArrivesOnce() throws Exception {
        try (TestSocket alice = TestSocket.welcomed(vertx, ws, TestTokens.forUser("alice"))) {
            alice.subscribe(Topics.ITEMS);
            StatusEvent both = StatusEvents.itemChangedForAuthorAndTopic("alice");
            StatusEvent marker = StatusEvents.commandOutcomeFor("alice");

            publisher.publish(both);
            publisher.publish(marker);

            alice.awaitEvent(marker.eventId());
            assertThat(alice.framesWithEventId(both.eventId())).hasSize(1);
            assertEveryFrameValidWithPushedAt(alice);
        }
    }

    @Test
    void unsubscribedSocketNoLongerGetsTopicEvents() throws Exception {
        try (TestSocket bob = TestSocket.welcomed(vertx, ws, TestTokens.forUser("bob"))) {
            bob.subscribe(Topics.ITEMS);
            bob.send("{\"type\":\"unsubscribe\",\"topic\":\"items\"}");
            bob.subscribe("private-barrier"); // refused, but proves the unsubscribe was handled
            StatusEvent change = StatusEvents.itemChangedBy("alice");
            StatusEvent marker = StatusEvents.commandOutcomeFor("bob");

            publisher.publish(change);
            publisher.publish(marker);

            bob.awaitEvent(marker.eventId());
            assertThat(bob.framesWithEventId(change.eventId())).isEmpty();
        }
    }

    @Test
    void commandOutcomeNamingATopicStillReachesOnlyItsUser() throws Exception {
        try (TestSocket alice = TestSocket.welcomed(vertx, ws, TestTokens.forUser("alice"));
                TestSocket bob = TestSocket.welcomed(vertx, ws, TestTokens.forUser("bob"))) {
            bob.subscribe(Topics.ITEMS);
            Frame.CommandSucceeded outcome = StatusEvents.succeeded("alice");
            StatusEvent leaky = new StatusEvent(outcome.eventId(), Instant.now(), "alice", Topics.ITEMS, outcome);
            StatusEvent marker = StatusEvents.commandOutcomeFor("bob");

            publisher.publish(leaky);
            publisher.publish(marker);

            alice.awaitEvent(leaky.eventId());
            bob.awaitEvent(marker.eventId());
            assertThat(bob.framesWithEventId(leaky.eventId())).isEmpty();
        }
    }

    @Test
    void invalidStatusEventsAreDroppedAndLaterEventsStillArrive() throws Exception {
        try (TestSocket alice = TestSocket.welcomed(vertx, ws, TestTokens.forUser("alice"))) {
            StatusEvent valid = StatusEvents.commandOutcomeFor("alice");

            publisher.publishRaw("this is not json");
            publisher.publishRaw("{\"eventId\":\"x\",\"userId\":\"alice\"}");
            publisher.publishRaw("{\"eventId\":\"0190f3c2a1b2c3d4\",\"occurredAt\":\"2026-01-01T00:00:00Z\","
                    + "\"userId\":\"alice\",\"topic\":null,\"payload\":{\"type\":\"nonsense\"}}");
            publisher.publish(valid);

            alice.awaitEvent(valid.eventId());
            assertThat(alice.framesOfType("command.succeeded")).hasSize(1);
            assertEveryFrameValidWithPushedAt(alice);
        }
    }

    private static void assertEveryFrameValidWithPushedAt(TestSocket... sockets) {
        for (TestSocket socket : sockets) {
            List<String> frames = socket.frames();
            assertThat(frames).isNotEmpty();
            for (String frame : frames) {
                assertThat(SchemaValidator.instance().violations(MessageSchema.FRAME, frame)).as(frame).isEmpty();
            }
            for (String type : List.of("command.succeeded", "entity.changed")) {
                for (JsonNode event : socket.framesOfType(type)) {
                    assertThat(event.path("timing").path("pushedAt").isTextual()).as(event.toString()).isTrue();
                }
            }
        }
    }
}
