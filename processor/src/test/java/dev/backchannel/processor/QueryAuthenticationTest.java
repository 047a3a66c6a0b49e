package dev.backchannel.processor;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.backchannel.schemas.Problem;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.DatabaseTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(DatabaseTestResource.class)
class QueryAuthenticationTest {

    @Test
    void shouldAnswer401ProblemWithoutToken() {
        given().get("/api/items")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE).body("status", equalTo(401));
    }

    @Test
    void shouldAnswer401ProblemForTamperedToken() {
        given().auth().oauth2(TestTokens.tampered("alice", "bob")).get("/api/items")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldAnswer401ProblemForExpiredToken() {
        given().auth().oauth2(TestTokens.expired("alice", Duration.ofMinutes(5))).get("/api/commands/" + Commands.id())
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldAnswer401ProblemForUnsignedToken() {
        given().auth().oauth2(TestTokens.unsigned("alice")).get("/api/items/" + Commands.id())
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldAnswer404ProblemForUnknownItem() {
        given().auth().oauth2(TestTokens.forUser("alice")).get("/api/items/" + Commands.id())
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("title", equalTo("Not Found"));
    }

    @Test
    void shouldReportReadyWithTheBrokerLinkUp() {
        await().atMost(Duration.ofSeconds(15)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("commands$1")).body(containsString("status link"));
        given().get("/q/health/live").then().statusCode(200);
        // and says so on /q/metrics, for the alert BackchannelServiceNotReady
        await().atMost(Duration.ofSeconds(15))
                .until(() -> given().get("/q/metrics").asString().contains("backchannel_ready 1.0"));
    }

    @Test
    void shouldExposeOutboxAndCommandMetrics() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("backchannel_outbox_pending"))
                .body(containsString("backchannel_outbox_publish_retries_total"));
    }
}
