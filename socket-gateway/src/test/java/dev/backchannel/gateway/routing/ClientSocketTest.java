package dev.backchannel.gateway.routing;

import dev.backchannel.gateway.EventCursor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.schemas.CloseCodes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientSocketTest {

    private static final String P = "processor";

    @Test
    void socketThatStopsReadingIsClosedWithTooSlowOnceOverTheLimit() {
        FakeOutput output = FakeOutput.notReading();
        ClientSocket socket = new ClientSocket("c1", "alice", output, 3);

        assertThat(socket.offer("1")).isEqualTo(Delivery.SENT);
        assertThat(socket.offer("2")).isEqualTo(Delivery.SENT);
        assertThat(socket.offer("3")).isEqualTo(Delivery.SENT);
        assertThat(socket.offer("4")).isEqualTo(Delivery.CLOSED_TOO_SLOW);

        assertThat(output.closedWith).isEqualTo(CloseCodes.TOO_SLOW);
        assertThat(output.sent).containsExactly("1", "2", "3");
        assertThat(socket.isOpen()).isFalse();
    }

    @Test
    void closedSocketDropsFurtherFramesWithoutClosingAgain() {
        FakeOutput output = FakeOutput.notReading();
        ClientSocket socket = new ClientSocket("c1", "alice", output, 1);
        socket.offer("1");
        socket.offer("2");

        assertThat(socket.offer("3")).isEqualTo(Delivery.DROPPED);
        assertThat(output.sent).containsExactly("1");
    }

    @Test
    void flushedFramesMakeRoomForMore() {
        FakeOutput output = FakeOutput.notReading();
        ClientSocket socket = new ClientSocket("c1", "alice", output, 2);
        socket.offer("1");
        socket.offer("2");

        output.flushAll();

        assertThat(socket.pendingFrames()).isZero();
        assertThat(socket.offer("3")).isEqualTo(Delivery.SENT);
        assertThat(socket.offer("4")).isEqualTo(Delivery.SENT);
        assertThat(socket.isOpen()).isTrue();
    }

    @Test
    void failedWritesNoLongerCountAsPending() {
        FakeOutput output = FakeOutput.notReading();
        ClientSocket socket = new ClientSocket("c1", "alice", output, 2);
        socket.offer("1");
        socket.offer("2");

        output.failAll();

        assertThat(socket.pendingFrames()).isZero();
    }

    @Test
    void readingSocketNeverAccumulatesPendingFrames() {
        ClientSocket socket = new ClientSocket("c1", "alice", FakeOutput.reading(), 5);

        for (int i = 0; i < 1_000; i++) {
            assertThat(socket.offer("frame " + i)).isEqualTo(Delivery.SENT);
        }
        assertThat(socket.pendingFrames()).isZero();
    }

    @Test
    void repeatOfAnEventIdAlreadySentIsSkipped() {
        FakeOutput output = FakeOutput.reading();
        ClientSocket socket = new ClientSocket("c1", "alice", output, 10);

        assertThat(socket.offerEvent(P, id(5), "e5")).isEqualTo(Delivery.SENT);
        assertThat(socket.offerEvent(P, id(5), "e5 again")).isEqualTo(Delivery.REPEAT);
        assertThat(socket.offerEvent(P, id(4), "e4 late")).isEqualTo(Delivery.REPEAT);

        assertThat(output.sent).containsExactly("e5");
    }

    @Test
    void liveEventsHeldDuringAResumeFollowTheReplayAndWelcomeEachOnce() {
        FakeOutput output = FakeOutput.reading();
        ClientSocket socket = new ClientSocket("c1", "alice", output, 10);
        socket.holdForResume();
        assertThat(socket.offerEvent(P, id(3), "e3")).isEqualTo(Delivery.HELD);
        assertThat(socket.beginReplay(EventCursor.ofDefault(id(1)))).isTrue();
        assertThat(socket.offerEvent(P, id(4), "e4")).isEqualTo(Delivery.HELD);

        socket.finishReplay(EventCursor.ofDefault(id(1)), List.of(new EventFrame(P, id(1), "e1"), new EventFrame(P, id(2), "e2"),
                new EventFrame(P, id(3), "e3")), "welcome");
        socket.offerEvent(P, id(4), "e4 redelivered");
        socket.offerEvent(P, id(5), "e5");

        assertThat(output.sent).containsExactly("e2", "e3", "welcome", "e4", "e5");
        assertThat(socket.pendingFrames()).isZero();
    }

    @Test
    void anotherSourcesHigherIdsNeverMakeTheDefaultSourcesEventsRepeats() {
        FakeOutput output = FakeOutput.reading();
        ClientSocket socket = new ClientSocket("c1", "alice", output, 10);

        assertThat(socket.offerEvent("reports", "01JZZZZZZZZZZZZZZZZZZZZZZZ", "r1")).isEqualTo(Delivery.SENT);
        assertThat(socket.offerEvent(P, id(2), "e2")).isEqualTo(Delivery.SENT);
        assertThat(socket.offerEvent("reports", "01JZZZZZZZZZZZZZZZZZZZZZZZ", "r1 again")).isEqualTo(Delivery.REPEAT);
        assertThat(socket.offerEvent(P, id(3), "e3")).isEqualTo(Delivery.SENT);

        assertThat(output.sent).containsExactly("r1", "e2", "e3");
    }

    @Test
    void replayIsPerSourceAfterTheCursorsEntryForThatSource() {
        FakeOutput output = FakeOutput.reading();
        ClientSocket socket = new ClientSocket("c1", "alice", output, 10);
        EventCursor cursor = EventCursor.of(java.util.Map.of(P, id(2), "reports", "01JA000000000000000000000B"));
        assertThat(socket.beginReplay(cursor)).isTrue();

        socket.finishReplay(cursor, List.of(new EventFrame(P, id(2), "e2"), new EventFrame(P, id(3), "e3"),
                new EventFrame("reports", "01JA000000000000000000000B", "rB"),
                new EventFrame("reports", "01JA000000000000000000000C", "rC")), "welcome");

        assertThat(output.sent).containsExactly("e3", "rC", "welcome");
    }

    @Test
    void afterAResetEveryLiveEventReachesTheClientWhateverResumePointItGave() {
        FakeOutput output = FakeOutput.reading();
        ClientSocket socket = new ClientSocket("c1", "alice", output, 10);
        // a tab left open across a data reset resumes from an id the new system has not reached
        assertThat(socket.beginReplay(EventCursor.ofDefault(id(900)))).isTrue();
        assertThat(socket.offerEvent(P, id(5), "e5")).isEqualTo(Delivery.HELD);

        socket.abandonReplay("reset");
        socket.offerEvent(P, id(6), "e6");

        assertThat(output.sent).containsExactly("reset", "e5", "e6");
    }

    @Test
    void heldEventsAreSentInOrderWhenNoResumeComes() {
        FakeOutput output = FakeOutput.reading();
        ClientSocket socket = new ClientSocket("c1", "alice", output, 10);
        socket.holdForResume();
        socket.offerEvent(P, id(1), "e1");
        socket.offerEvent(P, id(2), "e2");
        assertThat(output.sent).isEmpty();

        socket.releaseHold();
        socket.offerEvent(P, id(3), "e3");

        assertThat(output.sent).containsExactly("e1", "e2", "e3");
    }

    @Test
    void resumeAfterLaterLiveEventsWereSentCannotBeReplayedInOrder() {
        ClientSocket socket = new ClientSocket("c1", "alice", FakeOutput.reading(), 10);
        socket.offerEvent(P, id(5), "e5");

        assertThat(socket.beginReplay(EventCursor.ofDefault(id(3)))).isFalse();
        assertThat(socket.beginReplay(EventCursor.ofDefault(id(5)))).isTrue();
    }

    @Test
    void heldEventsCountTowardsThePendingBound() {
        FakeOutput output = FakeOutput.reading();
        ClientSocket socket = new ClientSocket("c1", "alice", output, 2);
        socket.holdForResume();
        socket.offerEvent(P, id(1), "e1");
        socket.offerEvent(P, id(2), "e2");

        assertThat(socket.offerEvent(P, id(3), "e3")).isEqualTo(Delivery.CLOSED_TOO_SLOW);
        assertThat(output.closedWith).isEqualTo(CloseCodes.TOO_SLOW);
    }

    @Test
    void closeActionsRunOnceWhenTheSocketCloses() {
        ClientSocket socket = new ClientSocket("c1", "alice", FakeOutput.reading(), 2);
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        socket.onClosed(runs::incrementAndGet);

        socket.close(ServerClose.GOING_AWAY);
        socket.markClosed();
        socket.onClosed(runs::incrementAndGet);

        assertThat(runs).hasValue(2);
    }

    private static String id(long sequence) {
        return String.format("%020d", sequence);
    }
}
