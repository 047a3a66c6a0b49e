package dev.backchannel.gateway.routing;

import static dev.backchannel.gateway.StatusEvents.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.gateway.StatusEvents;
import dev.backchannel.gateway.metrics.GatewayMetrics;
import dev.backchannel.gateway.ws.SocketCloseLog;
import dev.backchannel.schemas.CloseCodes;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FramePusherTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");

    private final LocalSockets sockets = new LocalSockets();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GatewayMetrics metrics = new GatewayMetrics(registry);
    private final ClientSocket.CloseListener closes = new SocketCloseLog(metrics);
    private final FramePusher pusher = new FramePusher(sockets, metrics,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void commandOutcomeGoesToEverySocketOfItsUserOnly() {
        FakeOutput aliceWindow1 = open("a1", "alice");
        FakeOutput aliceWindow2 = open("a2", "alice");
        FakeOutput bob = open("b1", "bob");
        sockets.subscribe(sockets.find("b1").orElseThrow(), Topics.ITEMS);

        int pushed = pusher.push(update(StatusEvents.commandOutcomeFor("alice")));

        assertThat(pushed).isEqualTo(2);
        assertThat(aliceWindow1.sent).hasSize(1);
        assertThat(aliceWindow2.sent).hasSize(1);
        assertThat(bob.sent).isEmpty();
        assertThat(registry.get("backchannel.gateway.frames.pushed").counter().count()).isEqualTo(2.0);
    }

    @Test
    void aSocketThatFailsWhileTheFrameIsHandedToItIsClosedSoItsClientResumesAndTheOthersStillGetIt() {
        FakeOutput healthy = open("a1", "alice");
        FakeOutput broken = new FakeOutput.Broken();
        sockets.open(new ClientSocket("a2", "alice", broken, 1000, closes));

        int pushed = pusher.push(update(StatusEvents.commandOutcomeFor("alice")));

        assertThat(pushed).isEqualTo(1);
        assertThat(healthy.sent).hasSize(1);
        assertThat(broken.closedWith).isEqualTo(ServerClose.INTERNAL_ERROR.code());
    }

    @Test
    void anotherSourcesEventsReachTheSocketBesideTheProcessorsAndNameTheirSource() {
        FakeOutput window = open("a1", "alice");

        pusher.push(update(StatusEvents.fromSource("reports", "alice", StatusEvents.newUlidLikeId())));
        pusher.push(update(StatusEvents.commandOutcomeFor("alice")));

        assertThat(window.sent).hasSize(2);
        assertThat(parse(window.sent.get(0)).path("source").asText()).isEqualTo("reports");
        assertThat(parse(window.sent.get(1)).has("source")).isFalse();
        for (String frame : window.sent) {
            assertThat(SchemaValidator.instance().violations(MessageSchema.FRAME, frame)).as(frame).isEmpty();
        }
    }

    @Test
    void frameIsSerialisedOnceAndCarriesPushedAt() {
        FakeOutput first = open("a1", "alice");
        FakeOutput second = open("a2", "alice");

        pusher.push(update(StatusEvents.commandOutcomeFor("alice")));

        assertThat(first.sent.get(0)).isSameAs(second.sent.get(0));
        JsonNode frame = parse(first.sent.get(0));
        assertThat(frame.at("/timing/pushedAt").asText()).isEqualTo(NOW.toString());
        assertThat(SchemaValidator.instance().violations(MessageSchema.FRAME, frame)).isEmpty();
    }

    @Test
    void entityChangedWithoutTimingGetsPushedAt() {
        FakeOutput bob = open("b1", "bob");
        sockets.subscribe(sockets.find("b1").orElseThrow(), Topics.ITEMS);

        pusher.push(update(StatusEvents.itemChangedBy("alice")));

        JsonNode frame = parse(bob.sent.get(0));
        assertThat(frame.at("/timing/pushedAt").asText()).isEqualTo(NOW.toString());
        assertThat(SchemaValidator.instance().violations(MessageSchema.FRAME, frame)).isEmpty();
    }

    @Test
    void socketMatchingUserAndTopicGetsTheEventOnce() {
        FakeOutput alice = open("a1", "alice");
        FakeOutput bob = open("b1", "bob");
        sockets.subscribe(sockets.find("a1").orElseThrow(), Topics.ITEMS);
        sockets.subscribe(sockets.find("b1").orElseThrow(), Topics.ITEMS);

        pusher.push(update(StatusEvents.itemChangedForAuthorAndTopic("alice")));

        assertThat(alice.sent).hasSize(1);
        assertThat(bob.sent).hasSize(1);
    }

    @Test
    void commandOutcomeNamingATopicNeverReachesOtherUsers() {
        FakeOutput bob = open("b1", "bob");
        sockets.subscribe(sockets.find("b1").orElseThrow(), Topics.ITEMS);
        Frame.CommandSucceeded outcome = StatusEvents.succeeded("alice");

        pusher.push(update(new StatusEvent(outcome.eventId(), NOW, "alice", Topics.ITEMS, outcome)));
        pusher.push(update(new StatusEvent(outcome.eventId(), NOW, null, Topics.ITEMS, outcome)));

        assertThat(bob.sent).isEmpty();
    }

    @Test
    void slowSocketIsClosedAndForgottenWhileOthersKeepReceiving() {
        FakeOutput slow = openNotReading("slow", "alice", 2);
        FakeOutput fast = open("fast", "alice");

        for (int i = 0; i < 5; i++) {
            pusher.push(update(StatusEvents.commandOutcomeFor("alice")));
        }

        assertThat(slow.closedWith).isEqualTo(CloseCodes.TOO_SLOW);
        assertThat(slow.sent).hasSize(2);
        assertThat(fast.sent).hasSize(5);
        assertThat(sockets.find("slow")).isEmpty();
        assertThat(sockets.ofUser("alice")).extracting(ClientSocket::id).containsExactly("fast");
        assertThat(registry.get("backchannel.gateway.slow.consumer.closes").counter().count()).isEqualTo(1.0);
    }

    @Test
    void closedSocketLeavesItsUserAndTopics() {
        open("a1", "alice");
        sockets.subscribe(sockets.find("a1").orElseThrow(), Topics.ITEMS);

        sockets.remove("a1");

        assertThat(sockets.ofUser("alice")).isEmpty();
        assertThat(sockets.subscribersOf(Topics.ITEMS)).isEmpty();
        assertThat(sockets.openCount()).isZero();
        assertThat(sockets.userCount()).isZero();
    }

    private FakeOutput open(String id, String userId) {
        FakeOutput output = FakeOutput.reading();
        sockets.open(new ClientSocket(id, userId, output, 1000, closes));
        return output;
    }

    private static JsonNode parse(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }

    private FakeOutput openNotReading(String id, String userId, int maxPending) {
        FakeOutput output = FakeOutput.notReading();
        sockets.open(new ClientSocket(id, userId, output, maxPending, closes));
        return output;
    }
}
