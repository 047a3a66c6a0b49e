package dev.backchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class BrokerOutageTest {

    @TestHTTPResource("/ws")
    URI ws;

    @Inject
    Vertx vertx;

    @Test
    void readinessFollowsTheBrokerLinkWhileLivenessStaysUpAndEventsFlowAgainAfterAnOutage() throws Exception {
        GatewayReadiness.awaitReady();

        BrokerTestResource.stopBroker();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> RestAssured.get("/q/health/ready").statusCode() == 503);
            assertThat(RestAssured.get("/q/health/live").statusCode()).as("liveness ignores the broker").isEqualTo(200);
        } finally {
            BrokerTestResource.startBroker();
        }
        GatewayReadiness.awaitReady();

        try (TestSocket alice = TestSocket.welcomed(vertx, ws, TestTokens.forUser("alice"));
                StatusPublisher publisher = StatusPublisher.connect(vertx)) {
            var event = StatusEvents.commandOutcomeFor("alice");
            publisher.publish(event);
            alice.awaitEvent(event.eventId());
        }
    }
}
