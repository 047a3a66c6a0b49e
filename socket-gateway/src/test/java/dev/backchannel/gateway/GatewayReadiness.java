package dev.backchannel.gateway;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import java.time.Duration;

/** Waits until the node's subscription to status is attached: events published earlier would be lost. */
public final class GatewayReadiness {

    private GatewayReadiness() {
    }

    public static void awaitReady() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> RestAssured.get("/q/health/ready").statusCode() == 200);
    }
}
