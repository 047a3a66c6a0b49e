package dev.backchannel.gateway.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.gateway.GatewayReadiness;
import dev.backchannel.gateway.StatusEvents;
import dev.backchannel.gateway.StatusPublisher;
import dev.backchannel.gateway.TestSocket;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.CloseCodes;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** gatewayDisconnectRate against the real gateway and broker (chaos is enabled in the test profile). */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class ChaosDisconnectTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TestHTTPResource("/ws")
    URI ws;

    @Inject
    Vertx vertx;

    @Inject
    GatewayChaos chaos;

    @Test
    void pushChosenByTheDisconnectRateClosesWithChaosAndTheEventIsReplayedOnResume() throws Exception {
        GatewayReadiness.awaitReady();
        String token = TestTokens.forUser("hank-chaos");
        try (StatusPublisher publisher = StatusPublisher.connect(vertx);
                StatusPublisher chaosFlags = StatusPublisher.connect(vertx, Addresses.CHAOS)) {
            StatusEvent seen = StatusEvents.commandOutcomeFor("hank-chaos");
            StatusEvent lost = StatusEvents.commandOutcomeFor("hank-chaos");
            try (TestSocket socket = TestSocket.welcomed(vertx, ws, token)) {
                publisher.publish(seen);
                socket.awaitEvent(seen.eventId());
                apply(chaosFlags, 1.0);

                publisher.publish(lost);

                await().atMost(TIMEOUT).until(() -> socket.closeStatus() != null);
                assertThat(socket.closeStatus().intValue()).isEqualTo(CloseCodes.CHAOS);
                assertThat(socket.framesWithEventId(lost.eventId())).isEmpty();
            } finally {
                apply(chaosFlags, 0.0);
            }
            try (TestSocket back = TestSocket.welcomed(vertx, ws, token)) {
                back.resume(seen.eventId());

                assertThat(back.eventIds()).containsExactly(lost.eventId());
                assertThat(back.types()).endsWith("welcome+");
            }
            assertThat(RestAssured.get("/q/metrics").asString())
                    .containsPattern("backchannel_chaos_faults_total\\{flag=\"gatewayDisconnectRate\"} [1-9]")
                    .contains("backchannel_chaos_flag{flag=\"gatewayDisconnectRate\"}");
        }
    }

    private void apply(StatusPublisher chaosFlags, double disconnectRate) throws Exception {
        ChaosFlags flags = new ChaosFlags(0, new ChaosFlags.DelayRange(0, 0), 0, 0, 0, disconnectRate);
        chaosFlags.publishJson(Json.write(flags));
        await().atMost(TIMEOUT).until(() -> chaos.current().gatewayDisconnectRate() == disconnectRate);
    }
}
