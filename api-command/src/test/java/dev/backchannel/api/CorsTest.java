package dev.backchannel.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Browsers may call the API from the gateway's page, and from nowhere else. */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class CorsTest {

    private static Response preflight(String origin) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/commands");
    }

    @Test
    void shouldAllowTheGatewaysOriginToSendCommands() {
        Response response = preflight("http://localhost:8080");

        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:8080");
        assertThat(response.header("Access-Control-Allow-Headers")).containsIgnoringCase("Idempotency-Key");
    }

    @Test
    void shouldNotAllowAnyOtherOrigin() {
        Response response = preflight("http://evil.example");

        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }
}
