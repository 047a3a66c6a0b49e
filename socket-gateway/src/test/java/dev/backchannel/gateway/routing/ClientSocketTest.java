package dev.backchannel.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.schemas.CloseCodes;
import org.junit.jupiter.api.Test;

class ClientSocketTest {

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
}
