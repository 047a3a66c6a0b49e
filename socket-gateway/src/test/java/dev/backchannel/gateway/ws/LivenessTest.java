package dev.backchannel.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.gateway.RawSocket;
import dev.backchannel.gateway.TestSocket;
import dev.backchannel.gateway.routing.LocalSockets;
import dev.backchannel.schemas.CloseCodes;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pings every 300 ms; a socket that answers nothing for 2 s is closed. */
@QuarkusTest
@TestProfile(LivenessTest.ShortLiveness.class)
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class LivenessTest {

    public static final class ShortLiveness implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.websockets-next.server.auto-ping-interval", "300ms",
                    "backchannel.gateway.liveness-timeout", "2s");
        }
    }

    @TestHTTPResource("/ws")
    URI ws;

    @Inject
    Vertx vertx;

    @Inject
    LocalSockets sockets;

    @Test
    void clientThatAnswersNoPingsIsClosedAndForgottenWhileAnAnsweringOneStaysOpen() throws Exception {
        try (TestSocket answering = TestSocket.welcomed(vertx, ws, TestTokens.forUser("lena-alive"));
                RawSocket silent = RawSocket.upgrade(ws, TestTokens.forUser("mute-max"))) {
            Instant opened = Instant.now();
            await().atMost(Duration.ofSeconds(5)).until(() -> !sockets.ofUser("mute-max").isEmpty());
            await().atMost(Duration.ofSeconds(10)).until(() -> sockets.ofUser("mute-max").isEmpty()
                    && !sockets.ofUser("lena-alive").isEmpty());

            assertThat(Duration.between(opened, Instant.now())).isGreaterThan(Duration.ofMillis(1500));
            assertThat(silent.readUntilClose()).isEqualTo(CloseCodes.TOO_SLOW);
            assertThat(answering.isClosed()).isFalse();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> !answering.isClosed() && !sockets.ofUser("lena-alive").isEmpty());
            assertThat(RestAssured.get("/q/metrics").asString())
                    .containsPattern("backchannel_gateway_limit_enforced_total\\{limit=\"unresponsive\"} [1-9]");
        }
    }
}
