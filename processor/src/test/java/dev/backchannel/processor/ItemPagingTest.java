package dev.backchannel.processor;

import static dev.backchannel.processor.StatusEvents.about;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemList;
import dev.backchannel.schemas.Json;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /api/items} in pages: every item once, in order, one {@code lastEventId} for the listing. */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(DatabaseTestResource.class)
class ItemPagingTest extends StatusListeningTest {

    @Test
    void shouldListEveryItemOnceAcrossPagesWithTheFirstPagesLastEventId() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String commandId = Commands.id();
            String itemId = Commands.id();
            broker.send(Addresses.COMMANDS, Commands.create("rosa", commandId, itemId, "Page " + i), "rosa");
            created.add(itemId);
            await().atMost(Duration.ofSeconds(15)).until(() -> about(status, commandId).size() == 2);
        }

        List<Item> listed = new ArrayList<>();
        List<String> lastEventIds = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(TestTokens.forUser("rosa")).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            String body = request.get("/api/items").then().statusCode(200).extract().asString();
            assertThat(SchemaValidator.instance().violations(MessageSchema.ITEM_LIST, body)).isEmpty();
            ItemList page = Json.read(body, ItemList.class);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            listed.addAll(page.items());
            lastEventIds.add(page.lastEventId());
            cursor = page.next();
            pages++;
        } while (cursor != null && pages < 1000);

        assertThat(listed).extracting(Item::id).doesNotHaveDuplicates().containsAll(created);
        assertThat(listed).isSortedAccordingTo(Comparator.comparing(Item::updatedAt).reversed()
                .thenComparing(Item::id));
        assertThat(lastEventIds).as("one listing, one lastEventId").containsOnly(lastEventIds.get(0));
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldAnswerABadLimitOrCursorWithAProblemNamingIt() {
        for (String limit : List.of("0", "1001", "-1", "ten", "1e3")) {
            given().auth().oauth2(TestTokens.forUser("rosa")).queryParam("limit", limit).get("/api/items")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("detail", containsString("limit"));
        }
        given().auth().oauth2(TestTokens.forUser("rosa")).queryParam("cursor", "bm90IG91cnM").get("/api/items")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("detail", containsString("cursor"));
    }
}
