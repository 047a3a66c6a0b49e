package dev.backchannel.api;

import static dev.backchannel.api.Requests.createBody;
import static dev.backchannel.api.Requests.postCommand;
import static dev.backchannel.api.Requests.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every refusal of the contract's table, each as problem+json. */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class CommandRefusalTest {

    @Test
    void shouldRefuseABodyThatDoesNotMatchTheSchemaWithFieldErrors() {
        String body = """
                {"commandId":"%s","type":"item.create","entityId":"not-a-uuid","data":{"status":"later"}}
                """.formatted(UUID.randomUUID());

        Response response = valid(postCommand("hank", body), MessageSchema.PROBLEM);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field")).contains("entityId", "data.title", "data.status");
    }

    @Test
    void shouldRefuseABodyThatIsNotJsonWith400() {
        Response response = valid(postCommand("hank", "{not json"), MessageSchema.PROBLEM);
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void shouldRefuseAMissingTamperedExpiredOrUnsignedTokenWith401() {
        String body = createBody(UUID.randomUUID().toString(), "Nope");
        List<Response> responses = List.of(
                given().contentType("application/json").body(body).post("/api/commands"),
                given().auth().oauth2(TestTokens.tampered("ivan", "admin")).contentType("application/json")
                        .body(body).post("/api/commands"),
                given().auth().oauth2(TestTokens.expired("ivan", Duration.ofMinutes(5)))
                        .contentType("application/json").body(body).post("/api/commands"),
                given().auth().oauth2(TestTokens.unsigned("ivan")).contentType("application/json").body(body)
                        .post("/api/commands"));

        for (Response response : responses) {
            assertThat(valid(response, MessageSchema.PROBLEM).statusCode()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(response.asString()).doesNotContain("Exception").doesNotContain("at io.");
        }
    }

    @Test
    void shouldRefuseABodyOver64KiBWith413() {
        String body = createBody(UUID.randomUUID().toString(), "x".repeat(70_000));

        Response response = valid(postCommand("judy", body), MessageSchema.PROBLEM);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void shouldRefuseABodyThatIsNotJsonMediaTypeWith415() {
        Response response = given().auth().oauth2(TestTokens.forUser("kim")).contentType("text/plain")
                .body("hello").post("/api/commands");

        assertThat(valid(response, MessageSchema.PROBLEM).statusCode()).isEqualTo(415);
    }

    @Test
    void shouldAnswer429WithRetryAfterWhenAUserSendsFasterThanTheRate() throws Exception {
        // the test profile allows a burst of 10 and 5 per second; sent at once, so that a slow broker
        // (each 202 waits for its settlement) cannot spread them out until the bucket refills
        ExecutorService senders = Executors.newFixedThreadPool(20);
        List<Response> responses;
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String body = createBody(UUID.randomUUID().toString(), "Fast " + i);
                sent.add(senders.submit(() -> postCommand("speedy", body)));
            }
            responses = new ArrayList<>();
            for (Future<Response> response : sent) {
                responses.add(response.get(30, TimeUnit.SECONDS));
            }
        } finally {
            senders.shutdownNow();
        }

        Response limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        valid(limited, MessageSchema.PROBLEM);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(responses).filteredOn(r -> r.statusCode() == 202).hasSizeGreaterThanOrEqualTo(10);
        assertThat(postCommand("calm", createBody(UUID.randomUUID().toString(), "Other user")).statusCode())
                .isEqualTo(202);
    }
}
