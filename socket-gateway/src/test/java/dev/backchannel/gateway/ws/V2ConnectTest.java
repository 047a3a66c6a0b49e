package dev.backchannel.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.gateway.PublishingSocketTest;
import dev.backchannel.gateway.StatusEvents;
import dev.backchannel.gateway.TestSocket;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.schemas.Topics;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The backchannel.v2 subprotocol and the resume point given at connect. The resume hold is set to a
 * minute here: a v1 socket's live events wait that long, so a v2 socket that gets its live frame
 * within the test's ten seconds can only have had it at once.
 */
@QuarkusTest
@TestProfile(V2ConnectTest.LongResumeHold.class)
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class V2ConnectTest extends PublishingSocketTest {

    public static class LongResumeHold implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backchannel.gateway.replay.resume-hold", "60s");
        }
    }

    @Test
    void v2IsAnsweredWhenOfferedAndV1Otherwise() throws Exception {
        try (TestSocket v2 = TestSocket.welcomedV2(vertx, ws, TestTokens.forUser("vic"));
                TestSocket v1 = TestSocket.asBrowser(vertx, ws, TestTokens.forUser("vic"))) {
            assertThat(v2.subprotocol()).isEqualTo("backchannel.v2");
            assertThat(v1.subprotocol()).isEqualTo("backchannel.v1");
        }
    }

    @Test
    void aV2SocketWithoutResumeGetsLiveFramesAtOnceWhileAV1SocketWaitsForItsResume() throws Exception {
        try (TestSocket v2 = TestSocket.asV2(vertx, ws, TestTokens.forUser("wes"), "subscribe=items");
                TestSocket v1 = TestSocket.welcomed(vertx, ws, TestTokens.forUser("wes"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !v2.framesOfType("welcome").isEmpty()
                    && !v2.framesOfType("presence").isEmpty());
            v1.subscribe(Topics.ITEMS);
            StatusEvent change = StatusEvents.itemChanged(UUID.randomUUID().toString(), "xia", Topics.ITEMS);

            publisher.publish(change);

            v2.awaitEvent(change.eventId());
            assertThat(v2.types()).startsWith("welcome", "presence");
            assertThat(v1.framesWithEventId(change.eventId())).isEmpty();
        }
    }

    @Test
    void aResumePointAtConnectReplaysTheTopicsGivenThenOneResumedWelcome() throws Exception {
        String x = UUID.randomUUID().toString();
        try (TestSocket watcher = TestSocket.asV2(vertx, ws, TestTokens.forUser("yan"), "subscribe=items")) {
            // the upgrade's subscription is in place once its presence snapshot came
            await().atMost(Duration.ofSeconds(10)).until(() -> !watcher.framesOfType("presence").isEmpty());
            StatusEvent seen = StatusEvents.itemChanged(x, "yan", Topics.ITEMS);
            publisher.publish(seen);
            watcher.awaitEvent(seen.eventId());
            List<StatusEvent> missed = List.of(StatusEvents.itemChanged(x, "yan", Topics.ITEMS),
                    StatusEvents.commandOutcomeFor("zed"));
            StatusEvent otherItem = StatusEvents.itemChanged(UUID.randomUUID().toString(), "yan", Topics.ITEMS);
            publisher.publishAll(List.of(missed.get(0), otherItem, missed.get(1)));
            watcher.awaitEvent(otherItem.eventId());

            try (TestSocket back = TestSocket.asV2(vertx, ws, TestTokens.forUser("zed"),
                    "subscribe=" + Topics.item(x) + "&subscribe=admin&resume=" + seen.eventId())) {
                await().atMost(Duration.ofSeconds(10)).until(() -> !back.framesOfType("presence").isEmpty());

                assertThat(back.eventIds()).containsExactly(missed.get(0).eventId(), missed.get(1).eventId());
                assertThat(back.types()).containsExactly("entity.changed", "command.succeeded", "welcome+", "error",
                        "presence");
                assertThat(back.framesOfType("error").get(0).get("code").asText()).isEqualTo("forbidden_topic");
            }
        }
    }

    @Test
    void aResumePointTheNodeCannotVouchForGetsResetThenOneWelcome() throws Exception {
        try (TestSocket back = TestSocket.asV2(vertx, ws, TestTokens.forUser("bo"),
                "subscribe=items&resume=00000000000000000001")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !back.framesOfType("presence").isEmpty());

            assertThat(back.types()).containsExactly("reset", "welcome", "presence");
        }
    }

    @Test
    void aV1SocketIgnoresTheUpgradeParameters() throws Exception {
        try (TestSocket v1 = TestSocket.connect(vertx, TestSocket.options(ws).setURI(ws.getPath() + "?subscribe=items")
                .addSubProtocol(TestSocket.SUBPROTOCOL)
                .addSubProtocol("quarkus-http-upgrade#Authorization#Bearer%20" + TestTokens.forUser("abe")))) {
            v1.sendAndBarrier("{\"type\":\"unsubscribe\",\"topic\":\"items\"}");
            assertThat(v1.types()).containsExactly("welcome", "error");
        }
    }
}
