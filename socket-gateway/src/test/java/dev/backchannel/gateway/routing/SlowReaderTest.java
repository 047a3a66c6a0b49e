package dev.backchannel.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.gateway.GatewayReadiness;
import dev.backchannel.gateway.RawSocket;
import dev.backchannel.gateway.StatusEvents;
import dev.backchannel.gateway.StatusPublisher;
import dev.backchannel.schemas.CloseCodes;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A real client that stops reading, against the real gateway (test profile: max-pending-frames=100). */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class SlowReaderTest {

    private static final int MAX_EVENTS = 3_000;
    private static final int BURST = 25;

    @TestHTTPResource("/ws")
    URI ws;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @Inject
    LocalSockets sockets;

    @Test
    void clientThatStopsReadingIsClosedWithTooSlowAndForgotten() throws Exception {
        GatewayReadiness.awaitReady();
        double closesBefore = slowConsumerCloses();
        String bigMessage = "x".repeat(60_000);
        try (RawSocket stalled = RawSocket.upgrade(ws, TestTokens.forUser("slowpoke"));
                StatusPublisher publisher = StatusPublisher.connect(vertx)) {
            int published = 0;
            while (slowConsumerCloses() == closesBefore && published < MAX_EVENTS) {
                publisher.publishAll(Stream.generate(() -> bigEvent(bigMessage)).limit(BURST).toList());
                published += BURST;
            }

            assertThat(slowConsumerCloses()).as("closed after %d events", published).isEqualTo(closesBefore + 1);
            assertThat(sockets.ofUser("slowpoke")).isEmpty();
            assertThat(stalled.readUntilClose()).isEqualTo(CloseCodes.TOO_SLOW);
        }
    }

    private static StatusEvent bigEvent(String message) {
        Frame.CommandSucceeded small = StatusEvents.succeeded("slowpoke");
        Frame.CommandSucceeded big = Frame.CommandSucceeded.of(small.eventId(), small.commandId(), small.entityId(),
                small.timestamp(), message, small.data(), small.timing(), null);
        return StatusEvent.forUser("slowpoke", big, Instant.now());
    }

    private double slowConsumerCloses() {
        return registry.get("backchannel.gateway.slow.consumer.closes").counter().count();
    }
}
