package dev.backchannel.processor;

import static dev.backchannel.processor.StatusEvents.about;
import static dev.backchannel.processor.StatusEvents.ofType;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.amqptest.AmqpTestClient;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.ItemFields;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.Problem;
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

@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(DatabaseTestResource.class)
class CommandProcessingTest extends StatusListeningTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Test
    void shouldSaveItemAndPublishOutcomeToUserAndChangeToTopicWhenCreateSucceeds() throws Exception {
        String commandId = Commands.id();
        String itemId = Commands.id();

        broker.send(Addresses.COMMANDS, Commands.create("alice", commandId, itemId, "Buy milk"), "alice");

        List<JsonNode> events = awaitEvents(commandId, 2);
        JsonNode forAlice = ofType(events, "command.succeeded");
        assertThat(forAlice.path("userId").asText()).isEqualTo("alice");
        assertThat(forAlice.path("topic").isNull()).isTrue();
        assertThat(forAlice.path("payload").path("message").asText()).isEqualTo("Created 'Buy milk'");
        assertThat(forAlice.path("payload").path("data").path("status").asText()).isEqualTo("todo");
        assertThat(forAlice.path("payload").path("data").path("version").asLong()).isEqualTo(1);
        assertThat(forAlice.path("payload").path("traceId").asText()).isEqualTo(Commands.TRACE_ID);
        assertThat(forAlice.path("payload").path("timing").path("deliveryCount").asInt()).isEqualTo(1);
        assertThat(forAlice.path("payload").path("timing").has("processedAt")).isTrue();
        JsonNode forTopic = ofType(events, "entity.changed");
        assertThat(forTopic.path("userId").isNull()).isTrue();
        assertThat(forTopic.path("topic").asText()).isEqualTo("items");
        assertThat(forTopic.path("payload").path("changedBy").asText()).isEqualTo("alice");
        assertThat(forTopic.path("payload").path("data").path("title").asText()).isEqualTo("Buy milk");
        assertThat(forAlice.path("eventId").asText()).isLessThan(forTopic.path("eventId").asText());
        assertThat(groupIdOf(forAlice)).isEqualTo("alice");

        given().auth().oauth2(TestTokens.forUser("bob")).get("/api/items/" + itemId)
                .then().statusCode(200).body("title", equalTo("Buy milk")).body("updatedBy", equalTo("alice"));
        String list = given().auth().oauth2(TestTokens.forUser("bob")).get("/api/items")
                .then().statusCode(200).extract().asString();
        assertThat(SchemaValidator.instance().violations(MessageSchema.ITEM_LIST, list)).isEmpty();
        assertThat(list).contains(itemId);
        String lastEventId = given().auth().oauth2(TestTokens.forUser("bob")).get("/api/items")
                .then().extract().path("lastEventId");
        assertThat(lastEventId).isGreaterThanOrEqualTo(forTopic.path("eventId").asText());
    }

    @Test
    void shouldAnswerCommandStatusToItsOwnerAndNotFoundToAnotherUser() throws Exception {
        String commandId = Commands.id();
        broker.send(Addresses.COMMANDS, Commands.create("alice", commandId, Commands.id(), "Call mum"), "alice");
        awaitEvents(commandId, 2);

        String answer = given().auth().oauth2(TestTokens.forUser("alice")).get("/api/commands/" + commandId)
                .then().statusCode(200).body("status", equalTo("succeeded"))
                .body("outcome.type", equalTo("command.succeeded")).extract().asString();
        assertThat(SchemaValidator.instance().violations(MessageSchema.COMMAND_STATUS, answer)).isEmpty();

        given().auth().oauth2(TestTokens.forUser("bob")).get("/api/commands/" + commandId)
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("status", equalTo(404));
        given().auth().oauth2(TestTokens.forUser("alice")).get("/api/commands/" + Commands.id())
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldApplyOnceAndPublishOnceWhenTheSameCommandArrivesTwice() throws Exception {
        String commandId = Commands.id();
        String itemId = Commands.id();
        String create = Commands.create("dave", commandId, itemId, "Water plants");
        String followUp = Commands.id();

        broker.send(Addresses.COMMANDS, create, "dave");
        broker.send(Addresses.COMMANDS, create, "dave");
        broker.send(Addresses.COMMANDS, Commands.markDone("dave", followUp, itemId, 1), "dave");

        awaitEvents(followUp, 2);
        assertThat(about(status, commandId)).hasSize(2);
        given().auth().oauth2(TestTokens.forUser("dave")).get("/api/items/" + itemId)
                .then().statusCode(200).body("version", equalTo(2)).body("status", equalTo("done"));
    }

    @Test
    void shouldFailWithConflictNamingWhoChangedTheItemFirstWhenExpectedVersionIsStale() throws Exception {
        String itemId = createItem("alice", "Paint fence");
        String bobsRename = Commands.id();
        broker.send(Addresses.COMMANDS, Commands.update("bob", bobsRename, itemId, 1,
                new ItemFields("Paint the fence", null)), "bob");
        JsonNode renamed = ofType(awaitEvents(bobsRename, 2), "command.succeeded");
        assertThat(renamed.path("payload").path("message").asText()).isEqualTo("Renamed to 'Paint the fence'");

        String alicesStaleUpdate = Commands.id();
        broker.send(Addresses.COMMANDS, Commands.markDone("alice", alicesStaleUpdate, itemId, 1), "alice");

        JsonNode failed = ofType(awaitEvents(alicesStaleUpdate, 1), "command.failed");
        assertThat(failed.path("userId").asText()).isEqualTo("alice");
        assertThat(failed.path("payload").path("error").path("code").asText()).isEqualTo("conflict");
        assertThat(failed.path("payload").path("message").asText()).isEqualTo("bob changed this item first");
        given().auth().oauth2(TestTokens.forUser("alice")).get("/api/commands/" + alicesStaleUpdate)
                .then().statusCode(200).body("status", equalTo("failed"));
    }

    @Test
    void shouldFailWithNotFoundWhenTheItemDoesNotExist() throws Exception {
        String commandId = Commands.id();
        broker.send(Addresses.COMMANDS, Commands.markDone("erin", commandId, Commands.id(), 1), "erin");

        JsonNode failed = ofType(awaitEvents(commandId, 1), "command.failed");
        assertThat(failed.path("payload").path("error").path("code").asText()).isEqualTo("not_found");
    }

    @Test
    void shouldFailWithValidationWhenCreatingAnIdThatExists() throws Exception {
        String itemId = createItem("frank", "Fix bike");
        String again = Commands.id();
        broker.send(Addresses.COMMANDS, Commands.create("frank", again, itemId, "Fix bike"), "frank");

        JsonNode failed = ofType(awaitEvents(again, 1), "command.failed");
        assertThat(failed.path("payload").path("error").path("code").asText()).isEqualTo("validation");
    }

    @Test
    void shouldMarkDoneThenDeleteAndPublishChangeWithoutDataAfterDelete() throws Exception {
        String itemId = createItem("grace", "Read book");
        String done = Commands.id();
        broker.send(Addresses.COMMANDS, Commands.markDone("grace", done, itemId, 1), "grace");
        assertThat(ofType(awaitEvents(done, 2), "command.succeeded").path("payload").path("message").asText())
                .isEqualTo("Marked 'Read book' as done");

        String delete = Commands.id();
        broker.send(Addresses.COMMANDS, Commands.delete("grace", delete, itemId, 2), "grace");

        List<JsonNode> events = awaitEvents(delete, 2);
        assertThat(ofType(events, "command.succeeded").path("payload").path("message").asText())
                .isEqualTo("Deleted 'Read book'");
        assertThat(ofType(events, "entity.changed").path("payload").path("data").isNull()).isTrue();
        given().auth().oauth2(TestTokens.forUser("grace")).get("/api/items/" + itemId)
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldDeadLetterUnreadableMessagesAndKeepProcessingTheNextCommand() throws Exception {
        AmqpTestClient.Received deadLetters = broker.receive(Addresses.COMMANDS_DLQ);
        String noSchema = "{\"command\":{\"commandId\":\"" + Commands.id() + "\"},\"userId\":\"heidi\"}";

        broker.send(Addresses.COMMANDS, "this is not json {", "heidi");
        broker.send(Addresses.COMMANDS, noSchema, "heidi");
        String valid = Commands.id();
        broker.send(Addresses.COMMANDS, Commands.create("heidi", valid, Commands.id(), "Still works"), "heidi");

        awaitEvents(valid, 2);
        await().atMost(PATIENCE).until(() -> deadLetters.deliveries().size() >= 2);
        assertThat(deadLetters.deliveries()).extracting(AmqpTestClient.Received.Delivery::body)
                .contains("this is not json {", noSchema);
    }

    private String createItem(String userId, String title) throws Exception {
        String commandId = Commands.id();
        String itemId = Commands.id();
        broker.send(Addresses.COMMANDS, Commands.create(userId, commandId, itemId, title), userId);
        awaitEvents(commandId, 2);
        return itemId;
    }

    private List<JsonNode> awaitEvents(String commandId, int count) {
        await().atMost(PATIENCE).until(() -> status.bodiesContaining(commandId).size() >= count);
        List<JsonNode> events = about(status, commandId);
        assertThat(events).hasSize(count);
        return events;
    }

    private String groupIdOf(JsonNode event) {
        String eventId = event.path("eventId").asText();
        return status.deliveries().stream().filter(d -> eventId.equals(d.messageId())).findFirst()
                .map(AmqpTestClient.Received.Delivery::groupId).orElse(null);
    }
}
