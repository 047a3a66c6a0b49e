package dev.backchannel.gateway.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.gateway.GatewayReadiness;
import dev.backchannel.gateway.TestSocket;
import dev.backchannel.gateway.messaging.NodeIdentity;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.PresenceMessage;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.schemas.Topics;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Presence on the real gateway and broker. The other gateway node is {@link PresencePeer}: a second
 * subscription to {@code presence} that sends as node {@code node-b} (test profile: announcements
 * every 500 ms, a node silent for 2 s is dropped).
 */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class PresenceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TestHTTPResource("/ws")
    URI ws;

    @Inject
    Vertx vertx;

    @Inject
    NodeIdentity identity;

    private PresencePeer peer;
    private String topic;

    @BeforeEach
    void connectPeer() throws Exception {
        GatewayReadiness.awaitReady();
        peer = PresencePeer.connect(vertx);
        topic = Topics.item(UUID.randomUUID().toString());
    }

    @AfterEach
    void closePeer() throws Exception {
        peer.close();
    }

    private String set(String state) {
        return "{\"type\":\"presence.set\",\"topic\":\"" + topic + "\"" + (state == null ? "" : ",\"state\":" + state)
                + "}";
    }

    private TestSocket watching(String userId) throws Exception {
        TestSocket socket = TestSocket.welcomedV2(vertx, ws, TestTokens.forUser(userId));
        socket.subscribe(topic);
        return socket;
    }

    private static List<JsonNode> toList(JsonNode array) {
        java.util.ArrayList<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    @Test
    void snapshotAfterSubscribeThenJoinChangeAndLeaveAsDeltas() throws Exception {
        try (TestSocket bob = watching("bob-p1"); TestSocket alice = watching("alice-p1")) {
            assertThat(bob.framesOfType("presence")).hasSize(1);
            assertThat(bob.framesOfType("presence").get(0).get("members")).isEmpty();

            alice.sendAndBarrier(set(null));
            JsonNode joined = bob.awaitFrame("presence.joined", f -> f.get("userId").asText().equals("alice-p1"));
            assertThat(joined.get("topic").asText()).isEqualTo(topic);
            assertThat(joined.get("windows").asInt()).isEqualTo(1);

            alice.sendAndBarrier(set("{\"editing\":\"title\"}"));
            JsonNode changed = bob.awaitFrame("presence.changed", f -> f.path("state").path("editing").asText()
                    .equals("title"));
            assertThat(changed.get("userId").asText()).isEqualTo("alice-p1");

            try (TestSocket carol = watching("carol-p1")) {
                JsonNode snapshot = carol.framesOfType("presence").get(0);
                assertThat(toList(snapshot.get("members"))).singleElement().satisfies(member -> {
                    assertThat(member.get("userId").asText()).isEqualTo("alice-p1");
                    assertThat(member.get("windows").asInt()).isEqualTo(1);
                    assertThat(member.get("state").get("editing").asText()).isEqualTo("title");
                    assertThat(member.get("since").isTextual()).isTrue();
                });
            }

            alice.sendAndBarrier("{\"type\":\"presence.clear\",\"topic\":\"" + topic + "\"}");
            bob.awaitFrame("presence.left", f -> f.get("userId").asText().equals("alice-p1"));
            assertEveryFrameValid(bob, alice);
        }
    }

    @Test
    void twoWindowsOfOneUserAreOneMemberWhoLeavesWithTheLastWindow() throws Exception {
        try (TestSocket bob = watching("bob-p2")) {
            TestSocket first = watching("alice-p2");
            TestSocket second = watching("alice-p2");
            first.sendAndBarrier(set(null));
            second.sendAndBarrier(set("{\"editing\":\"status\"}"));

            bob.awaitFrame("presence.changed", f -> f.get("windows").asInt() == 2);
            assertThat(bob.framesOfType("presence.joined")).hasSize(1);
            assertThat(bob.framesOfType("presence.changed").get(0).path("state").path("editing").asText())
                    .isEqualTo("status");

            second.close();
            bob.awaitFrame("presence.changed", f -> f.get("windows").asInt() == 1);
            assertThat(bob.framesOfType("presence.left")).isEmpty();

            first.send("{\"type\":\"unsubscribe\",\"topic\":\"" + topic + "\"}");
            bob.awaitFrame("presence.left", f -> f.get("userId").asText().equals("alice-p2"));
            first.close();
        }
    }

    @Test
    void aChangeHereGoesToTheOtherNodesAsOneMessageAndTheirChangesReachSocketsHere() throws Exception {
        try (TestSocket bob = watching("bob-p3"); TestSocket alice = watching("alice-p3")) {
            TestSocket[] watchers = {watching("w1-p3"), watching("w2-p3"), watching("w3-p3")};
            alice.sendAndBarrier(set("{\"editing\":\"title\"}"));

            await().atMost(TIMEOUT).until(() -> peer.from(identity.nodeId()).stream()
                    .anyMatch(m -> m.kind() == PresenceMessage.Kind.DELTA && m.entries().get(0).userId().equals("alice-p3")));
            // one delta for the change, however many sockets watch the topic
            assertThat(peer.from(identity.nodeId()).stream().filter(m -> m.kind() == PresenceMessage.Kind.DELTA)
                    .filter(m -> m.entries().stream().anyMatch(e -> e.userId().equals("alice-p3")))).hasSize(1);
            assertThat(peer.invalid()).isEmpty();

            Instant now = Instant.now();
            peer.send(new PresenceMessage("node-b", PresenceMessage.Kind.DELTA, now, List.of(new PresenceMessage.Entry(
                    topic, "dora-p3", 1, Json.mapper().createObjectNode().put("editing", "status"), now, now))));
            JsonNode joined = bob.awaitFrame("presence.joined", f -> f.get("userId").asText().equals("dora-p3"));
            assertThat(joined.get("state").get("editing").asText()).isEqualTo("status");
            for (TestSocket watcher : watchers) {
                watcher.awaitFrame("presence.joined", f -> f.get("userId").asText().equals("dora-p3"));
                watcher.close();
            }

            // node-b falls silent (no announcement): its members leave after the node timeout
            bob.awaitFrame("presence.left", f -> f.get("userId").asText().equals("dora-p3"));
            assertThat(bob.framesOfType("presence.left")).extracting(f -> f.get("userId").asText())
                    .doesNotContain("alice-p3");
        }
    }

    @Test
    void anAnnouncementRepairsWhatADeltaMissedAndAGoneNodeLeavesAtOnce() throws Exception {
        try (TestSocket bob = watching("bob-p4")) {
            Instant now = Instant.now();
            peer.send(new PresenceMessage("node-c", PresenceMessage.Kind.ANNOUNCE, now, List.of(
                    new PresenceMessage.Entry(topic, "eve-p4", 2, null, now, now))));
            JsonNode joined = bob.awaitFrame("presence.joined", f -> f.get("userId").asText().equals("eve-p4"));
            assertThat(joined.get("windows").asInt()).isEqualTo(2);

            peer.send(new PresenceMessage("node-c", PresenceMessage.Kind.GONE, now, List.of()));
            bob.awaitFrame("presence.left", f -> f.get("userId").asText().equals("eve-p4"));
        }
    }

    @Test
    void thisNodeAnnouncesItsMembersPeriodically() throws Exception {
        try (TestSocket alice = watching("alice-p5")) {
            alice.sendAndBarrier(set(null));
            await().atMost(TIMEOUT).until(() -> peer.from(identity.nodeId()).stream()
                    .anyMatch(m -> m.kind() == PresenceMessage.Kind.ANNOUNCE
                            && m.entries().stream().anyMatch(e -> e.userId().equals("alice-p5") && e.topic().equals(topic))));
        }
    }

    @Test
    void presenceNeedsTheTopicAndASmallStateAndIsForV2SocketsOnly() throws Exception {
        try (TestSocket v1 = TestSocket.welcomed(vertx, ws, TestTokens.forUser("old-p6"));
                TestSocket alice = TestSocket.welcomedV2(vertx, ws, TestTokens.forUser("alice-p6"))) {
            v1.subscribe(topic);
            alice.send(set(null));
            JsonNode notSubscribed = alice.awaitFrame("error", f -> true);
            assertThat(notSubscribed.get("code").asText()).isEqualTo("not_subscribed");

            alice.subscribe(topic);
            alice.send(set("{\"note\":\"" + "x".repeat(1100) + "\"}"));
            alice.awaitFrame("error", f -> f.get("code").asText().equals("state_too_large"));
            alice.sendAndBarrier(set("{\"editing\":\"title\"}"));
            alice.awaitFrame("presence.joined", f -> f.get("userId").asText().equals("alice-p6"));

            v1.sendAndBarrier(set(null));
            assertThat(v1.framesOfType("error")).extracting(e -> e.get("message").asText())
                    .contains("presence.set needs the backchannel.v2 subprotocol");
            assertThat(v1.types()).noneMatch(type -> type.startsWith("presence"));
            assertThat(alice.isClosed()).isFalse();
            assertThat(v1.isClosed()).isFalse();
        }
    }

    private static void assertEveryFrameValid(TestSocket... sockets) {
        for (TestSocket socket : sockets) {
            for (String frame : socket.frames()) {
                if (!frame.contains("\"barrier\"")) {
                    assertThat(SchemaValidator.instance().violations(MessageSchema.FRAME, frame)).as(frame).isEmpty();
                }
            }
        }
    }
}
