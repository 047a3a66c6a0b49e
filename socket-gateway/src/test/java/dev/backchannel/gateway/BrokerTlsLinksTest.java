package dev.backchannel.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A broker that serves AMQPS only: the node's own status subscription (after its node-id claim) and
 * the chaos and presence channels connect over TLS by configuration.
 */
@QuarkusTest
@WithTestResource(value = BrokerTestResource.class, initArgs = @ResourceArg(name = "tls", value = "true"))
@WithTestResource(JwtTestResource.class)
class BrokerTlsLinksTest {

    @Test
    void shouldSubscribeToStatusOverTls() {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);

        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("status subscription"));
    }
}
