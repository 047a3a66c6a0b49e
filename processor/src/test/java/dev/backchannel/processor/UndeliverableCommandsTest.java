package dev.backchannel.processor;

import static dev.backchannel.processor.StatusEvents.about;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.amqptest.AmqpTestClient;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.DatabaseTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No accepted command stays without an outcome (contract v2): what the broker dead-letters, what
 * cannot be read after its 202, and what can never be stored each end with exactly one outcome, at once.
 */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(DatabaseTestResource.class)
class UndeliverableCommandsTest extends StatusListeningTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Test
    void shouldEndADeadLetteredCommandAsUndeliverableOnTheSocketAndTheQuerySideOnce() throws Exception {
        String commandId = Commands.id();
        String body = Commands.create("olga", commandId, Commands.id(), "Never processed");

        // as the broker does after the last failed delivery
        broker.send(Addresses.COMMANDS_DLQ, body, "olga");

        JsonNode failed = awaitOne(commandId);
        assertThat(failed.path("userId").asText()).isEqualTo("olga");
        assertThat(failed.path("payload").path("type").asText()).isEqualTo("command.failed");
        assertThat(failed.path("payload").path("error").path("code").asText()).isEqualTo("undeliverable");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(TestTokens.forUser("olga"))
                .get("/api/commands/" + commandId).then().statusCode(200).body("status", equalTo("failed"))
                .body("outcome.error.code", equalTo("undeliverable"))
                .body("outcome.eventId", equalTo(failed.path("eventId").asText())));

        broker.send(Addresses.COMMANDS_DLQ, body, "olga"); // dead-lettered twice: still one outcome
        broker.send(Addresses.COMMANDS, body, "olga"); // and a late redelivery is a repeat, not processed
        String marker = Commands.id();
        broker.send(Addresses.COMMANDS_DLQ, Commands.create("olga", marker, Commands.id(), "Marker"), "olga");
        awaitOne(marker);
        await().atMost(PATIENCE).until(() -> about(status, commandId).size() == 1);
        assertThat(about(status, commandId)).hasSize(1);
    }

    @Test
    void shouldTellTheUserOfAnUnreadableCommandThatNamesThemAndParkItForAnOperator() throws Exception {
        AmqpTestClient.Received deadLetters = broker.receive(Addresses.COMMANDS_DLQ);
        String commandId = Commands.id();
        String noType = "{\"command\":{\"commandId\":\"" + commandId + "\",\"entityId\":\"" + Commands.id()
                + "\"},\"userId\":\"petra\",\"acceptedAt\":\"2026-12-01T10:00:00Z\"}";

        broker.send(Addresses.COMMANDS, noType, "petra");

        JsonNode failed = awaitOne(commandId);
        assertThat(failed.path("payload").path("error").path("code").asText()).isEqualTo("undeliverable");
        await().atMost(PATIENCE).until(() -> !deadLetters.containing(commandId).isEmpty());
        assertThat(deadLetters.containing(commandId).get(0).applicationProperties()
                .getString("backchannel_dead_letter_reason")).isNotBlank();
    }

    @Test
    void shouldStoreATitleOf200EmojiAndRefuseALoneSurrogateAtTheFirstDelivery() throws Exception {
        String emojiCommand = Commands.id();
        String emojiItem = Commands.id();
        String title = "\uD83D\uDE00".repeat(200); // 200 code points, 400 UTF-16 units
        broker.send(Addresses.COMMANDS, Commands.create("quinn", emojiCommand, emojiItem, title), "quinn");
        String surrogateCommand = Commands.id();
        String lone = Commands.create("quinn", surrogateCommand, Commands.id(), "aXXXb").replace("XXX", "\\ud800");
        broker.send(Addresses.COMMANDS, lone, "quinn");

        await().atMost(PATIENCE).until(() -> about(status, emojiCommand).size() == 2);
        given().auth().oauth2(TestTokens.forUser("quinn")).get("/api/items/" + emojiItem)
                .then().statusCode(200).body("title", equalTo(title));
        JsonNode refused = awaitOne(surrogateCommand);
        assertThat(refused.path("payload").path("error").path("code").asText()).isEqualTo("validation");
        assertThat(refused.path("payload").path("error").path("detail").asText()).contains("lone surrogate");
        assertThat(refused.path("payload").path("timing").path("deliveryCount").asInt()).as("not redelivered")
                .isEqualTo(1);
    }

    private JsonNode awaitOne(String commandId) {
        await().atMost(PATIENCE).until(() -> !about(status, commandId).isEmpty());
        List<JsonNode> events = about(status, commandId);
        assertThat(SchemaValidator.instance().violations(MessageSchema.STATUS_EVENT,
                status.bodiesContaining(commandId).get(0))).isEmpty();
        return events.get(0);
    }
}
