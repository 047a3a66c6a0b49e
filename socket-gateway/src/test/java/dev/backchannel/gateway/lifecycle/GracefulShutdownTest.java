package dev.backchannel.gateway.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.gateway.routing.ClientSocket;
import dev.backchannel.gateway.routing.LocalSockets;
import dev.backchannel.gateway.routing.SocketOutput;
import dev.backchannel.schemas.CloseCodes;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final LocalSockets sockets = new LocalSockets();
    private final StatusConsumption consumption = new StatusConsumption() {
        @Override
        public void pause() {
            steps.add("pause status");
        }
    };

    @Test
    void stopsConsumingFirstThenClosesEverySocketWithGoingAway() {
        sockets.open(new ClientSocket("a1", "alice", new RecordingOutput("a1"), 10));
        sockets.open(new ClientSocket("b1", "bob", new RecordingOutput("b1"), 10));

        int told = new GracefulShutdown(consumption, sockets, Duration.ofSeconds(1)).stop();

        assertThat(told).isEqualTo(2);
        assertThat(steps.get(0)).isEqualTo("pause status");
        assertThat(steps.subList(1, steps.size()))
                .containsExactlyInAnyOrder("close a1 " + CloseCodes.GOING_AWAY, "close b1 " + CloseCodes.GOING_AWAY);
        assertThat(sockets.openCount()).isZero();
    }

    @Test
    void shutdownWithoutSocketsOnlyStopsConsuming() {
        int told = new GracefulShutdown(consumption, sockets, Duration.ofSeconds(1)).stop();

        assertThat(told).isZero();
        assertThat(steps).containsExactly("pause status");
    }

    private final class RecordingOutput implements SocketOutput {
        private final String id;

        RecordingOutput(String id) {
            this.id = id;
        }

        @Override
        public void sendText(String text, Runnable whenDone) {
            whenDone.run();
        }

        @Override
        public Uni<Void> close(int code, String reason) {
            steps.add("close " + id + " " + code);
            return Uni.createFrom().voidItem();
        }
    }
}
