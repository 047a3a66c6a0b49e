package dev.backchannel.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Per-record topics {@code items/<entityId>} beside {@code items}, on the real gateway and broker. */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class ItemTopicsTest extends PublishingSocketTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void changeOfAnItemReachesItsRecordTopicOnlyAndEverySocketOnce() throws Exception {
        String x = UUID.randomUUID().toString();
        String y = UUID.randomUUID().toString();
        try (TestSocket onX = TestSocket.welcomed(vertx, ws, TestTokens.forUser("rita"));
                TestSocket onBoth = TestSocket.welcomed(vertx, ws, TestTokens.forUser("sam"));
                TestSocket onList = TestSocket.welcomed(vertx, ws, TestTokens.forUser("tess"))) {
            onX.subscribe(Topics.item(x));
            onBoth.subscribe(Topics.ITEMS);
            onBoth.subscribe(Topics.item(x));
            onList.subscribe(Topics.ITEMS);
            StatusEvent changeOfY = StatusEvents.itemChanged(y, "ursula", Topics.ITEMS);
            StatusEvent changeOfX = StatusEvents.itemChanged(x, "ursula", Topics.ITEMS);
            StatusEvent changeOfXNamedToItsTopic = StatusEvents.itemChanged(x, "ursula", Topics.item(x));

            publisher.publishAll(List.of(changeOfY, changeOfX, changeOfXNamedToItsTopic));

            onX.awaitEvent(changeOfXNamedToItsTopic.eventId());
            onBoth.awaitEvent(changeOfXNamedToItsTopic.eventId());
            onList.awaitEvent(changeOfXNamedToItsTopic.eventId());
            assertThat(onX.eventIds()).containsExactly(changeOfX.eventId(), changeOfXNamedToItsTopic.eventId());
            assertThat(onBoth.eventIds()).containsExactly(changeOfY.eventId(), changeOfX.eventId(),
                    changeOfXNamedToItsTopic.eventId());
            assertThat(onList.eventIds()).containsExactly(changeOfY.eventId(), changeOfX.eventId(),
                    changeOfXNamedToItsTopic.eventId());
        }
    }

    @Test
    void unsubscribingFromTheRecordStopsItsChanges() throws Exception {
        String x = UUID.randomUUID().toString();
        try (TestSocket socket = TestSocket.welcomed(vertx, ws, TestTokens.forUser("vera"));
                TestSocket marker = TestSocket.welcomed(vertx, ws, TestTokens.forUser("walt"))) {
            socket.subscribe(Topics.item(x));
            marker.subscribe(Topics.item(x));
            socket.send("{\"type\":\"unsubscribe\",\"topic\":\"" + Topics.item(x) + "\"}");
            socket.subscribe("barrier-only"); // waits until the unsubscribe was handled (answered forbidden_topic)
            StatusEvent change = StatusEvents.itemChanged(x, "walt", Topics.ITEMS);

            publisher.publish(change);

            marker.awaitEvent(change.eventId());
            assertThat(socket.framesWithEventId(change.eventId())).isEmpty();
        }
    }

    @Test
    void anyOtherTopicIsRefusedAndTheSocketStaysOpen() throws Exception {
        try (TestSocket socket = TestSocket.welcomed(vertx, ws, TestTokens.forUser("xena"))) {
            for (String topic : List.of("admin", "items/not-a-uuid", "items-" + UUID.randomUUID())) {
                socket.send("{\"type\":\"subscribe\",\"topic\":\"" + topic + "\"}");
            }

            await().atMost(TIMEOUT).until(() -> socket.framesOfType("error").size() == 3);
            assertThat(socket.framesOfType("error")).extracting(e -> e.get("code").asText())
                    .containsOnly("forbidden_topic");
            String x = UUID.randomUUID().toString();
            socket.subscribe(Topics.item(x)); // still served: the barrier after it is answered
            StatusEvent change = StatusEvents.itemChanged(x, "yuri", Topics.ITEMS);
            publisher.publish(change);
            socket.awaitEvent(change.eventId());
            assertThat(socket.isClosed()).isFalse();
        }
    }

    @Test
    void theHundredAndFirstSubscriptionIsRefusedWithTooManySubscriptions() throws Exception {
        try (TestSocket socket = TestSocket.welcomed(vertx, ws, TestTokens.forUser("zoe"))) {
            String first = Topics.item(UUID.randomUUID().toString());
            socket.send("{\"type\":\"subscribe\",\"topic\":\"" + first + "\"}");
            for (int i = 0; i < 99; i++) {
                socket.send("{\"type\":\"subscribe\",\"topic\":\"" + Topics.item(UUID.randomUUID().toString()) + "\"}");
            }
            socket.send("{\"type\":\"subscribe\",\"topic\":\"" + first + "\"}"); // again: not a new one
            String extra = UUID.randomUUID().toString();
            socket.send("{\"type\":\"subscribe\",\"topic\":\"" + Topics.item(extra) + "\"}");

            await().atMost(TIMEOUT).until(() -> !socket.framesOfType("error").isEmpty());
            List<JsonNode> errors = socket.framesOfType("error");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).get("code").asText()).isEqualTo("too_many_subscriptions");
            StatusEvent change = StatusEvents.itemChanged(extra, "amy", Topics.item(extra));
            StatusEvent onList = StatusEvents.itemChanged(Topics.entityIdOf(first), "amy", Topics.ITEMS);
            publisher.publishAll(List.of(change, onList));
            socket.awaitEvent(onList.eventId());
            assertThat(socket.framesWithEventId(change.eventId())).isEmpty();
            assertThat(socket.isClosed()).isFalse();
        }
    }

    @Test
    void resumeReplaysTheChangesOfTheRecordTopicItFollows() throws Exception {
        String x = UUID.randomUUID().toString();
        String token = TestTokens.forUser("bea");
        try (TestSocket watcher = TestSocket.welcomed(vertx, ws, TestTokens.forUser("cy"))) {
            watcher.subscribe(Topics.ITEMS);
            StatusEvent seen = StatusEvents.itemChanged(x, "cy", Topics.ITEMS);
            String lastEventId;
            try (TestSocket window = TestSocket.welcomed(vertx, ws, token)) {
                window.subscribe(Topics.item(x));
                publisher.publish(seen);
                window.awaitEvent(seen.eventId());
                lastEventId = seen.eventId();
            }
            StatusEvent missedOfX = StatusEvents.itemChanged(x, "cy", Topics.ITEMS);
            StatusEvent otherItem = StatusEvents.itemChanged(UUID.randomUUID().toString(), "cy", Topics.ITEMS);
            publisher.publishAll(List.of(missedOfX, otherItem));
            watcher.awaitEvent(otherItem.eventId());

            try (TestSocket back = TestSocket.welcomed(vertx, ws, token)) {
                back.subscribe(Topics.item(x));
                back.resume(lastEventId);

                assertThat(back.eventIds()).containsExactly(missedOfX.eventId());
                assertThat(back.types()).endsWith("welcome+");
            }
        }
    }
}
