package dev.backchannel.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
class HealthAndMetricsTest {

    @TestHTTPResource("/ws")
    URI ws;

    @Inject
    Vertx vertx;

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessIsUpOnceTheStatusSubscriptionIsAttached() {
        GatewayReadiness.awaitReady();
        given().get("/q/health/ready").then().statusCode(200).body(containsString("status"));
    }

    @Test
    void metricsCountOpenConnectionsAndBadRequests() throws Exception {
        try (TestSocket socket = TestSocket.welcomed(vertx, ws, TestTokens.forUser("dora"))) {
            socket.send("not json");
            await().atMost(Duration.ofSeconds(10)).until(() -> !socket.framesOfType("error").isEmpty());

            String metrics = RestAssured.get("/q/metrics").asString();
            org.assertj.core.api.Assertions.assertThat(metrics)
                    .containsPattern("backchannel_gateway_connections_open(\\{[^}]*\\})? [1-9]")
                    .contains("backchannel_gateway_bad_requests_total{code=\"bad_request\"")
                    .contains("backchannel_gateway_frames_pushed_total")
                    .contains("backchannel_gateway_slow_consumer_closes_total");
        }
    }
}
