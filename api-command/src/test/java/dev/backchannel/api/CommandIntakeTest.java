package dev.backchannel.api;

import static dev.backchannel.api.Requests.createBody;
import static dev.backchannel.api.Requests.postCommand;
import static dev.backchannel.api.Requests.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.amqptest.AmqpTestClient;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class CommandIntakeTest {

    @Test
    void shouldAnswer202AndQueueTheCommandDurablyWithItsDelay() throws Exception {
        String commandId = UUID.randomUUID().toString();
        try (BrokerProbe probe = new BrokerProbe(Addresses.COMMANDS)) {
            Response response = valid(postCommand("alice", createBody(commandId, "Buy milk")),
                    MessageSchema.COMMAND_ACCEPTED);

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.header("Location")).isEqualTo("/api/commands/" + commandId);
            assertThat(response.jsonPath().getString("status")).isEqualTo("accepted");
            Instant acceptedAt = Instant.parse(response.jsonPath().getString("acceptedAt"));

            await().atMost(Duration.ofSeconds(10)).until(() -> probe.withCommandId(commandId).size() == 1);
            AmqpTestClient.Received.Delivery received = probe.withCommandId(commandId).get(0);
            // the test profile fixes the delay at 1000 ms; allow for clock granularity
            assertThat(Duration.between(acceptedAt, received.arrivedAt())).isGreaterThan(Duration.ofMillis(950));
            assertThat(received.message().groupId()).isEqualTo("alice");
            assertThat(received.message().isDurable()).isTrue();
            JsonObject body = received.message().bodyAsJsonObject();
            SchemaValidator.instance().requireValid(MessageSchema.QUEUED_COMMAND, body.encode());
            assertThat(body.getString("userId")).isEqualTo("alice");
        }
    }

    @Test
    void shouldHoldTheCommandOnTheQueueUntilItsDelayHasPassed() {
        long scheduledBefore = BrokerTestResource.scheduledCount(Addresses.COMMANDS);

        assertThat(postCommand("carol", createBody(UUID.randomUUID().toString(), "Later")).statusCode())
                .isEqualTo(202);

        assertThat(BrokerTestResource.scheduledCount(Addresses.COMMANDS)).isEqualTo(scheduledBefore + 1);
    }

    @Test
    void shouldAnswerARetryWithTheSameAnswerAndQueueTheCommandOnce() {
        String commandId = UUID.randomUUID().toString();
        String body = createBody(commandId, "Retry me");
        long before = BrokerTestResource.messageCount(Addresses.COMMANDS);

        Response first = postCommand("dave", body);
        Response retry = given().auth().oauth2(dev.backchannel.testsupport.TestTokens.forUser("dave"))
                .header("Idempotency-Key", commandId).contentType("application/json").body(body)
                .post("/api/commands");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(BrokerTestResource.messageCount(Addresses.COMMANDS)).isEqualTo(before + 1);
    }

    @Test
    void shouldRefuseADifferentBodyUnderAKnownCommandIdWith422() {
        String commandId = UUID.randomUUID().toString();
        assertThat(postCommand("erin", createBody(commandId, "First")).statusCode()).isEqualTo(202);

        Response reused = valid(postCommand("erin", createBody(commandId, "Second")), MessageSchema.PROBLEM);

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void shouldRefuseAnotherUsersCommandIdWith422() {
        String commandId = UUID.randomUUID().toString();
        String body = createBody(commandId, "Mine");
        assertThat(postCommand("frank", body).statusCode()).isEqualTo(202);

        assertThat(postCommand("mallory", body).statusCode()).isEqualTo(422);
    }

    @Test
    void shouldRefuseAnIdempotencyKeyThatIsNotTheCommandId() {
        Response response = given().auth().oauth2(dev.backchannel.testsupport.TestTokens.forUser("gina"))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(createBody(UUID.randomUUID().toString(), "Key")).post("/api/commands");

        assertThat(valid(response, MessageSchema.PROBLEM).statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getList("errors.field")).containsExactly("Idempotency-Key");
    }
}
