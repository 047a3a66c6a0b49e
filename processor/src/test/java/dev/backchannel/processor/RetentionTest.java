package dev.backchannel.processor;

import static dev.backchannel.processor.StatusEvents.about;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.processor.outbox.OutboxRepository;
import dev.backchannel.processor.retention.RetentionPruner;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.DatabaseTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.MetricsPage;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Outcomes and published events past their retention are pruned; the items and the numbering stay. */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(DatabaseTestResource.class)
class RetentionTest extends StatusListeningTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Inject
    RetentionPruner pruner;

    @Inject
    OutboxRepository outbox;

    @Test
    void shouldPruneOutcomesAndPublishedEventsPastTheirRetentionButKeepItemsAndTheNumbering() throws Exception {
        String commandId = Commands.id();
        String itemId = Commands.id();
        broker.send(Addresses.COMMANDS, Commands.create("sven", commandId, itemId, "Old news"), "sven");
        await().atMost(PATIENCE).until(() -> about(status, commandId).size() == 2);
        await().atMost(PATIENCE).until(() -> outbox.unpublished() == 0);
        long numberedBefore = outbox.lastPublishedPrefix();
        given().auth().oauth2(TestTokens.forUser("sven")).get("/api/commands/" + commandId).then().statusCode(200);

        Map<String, Long> deleted = pruner.prune(Instant.now().plus(Duration.ofDays(30)));

        assertThat(deleted.get("processed_commands")).isPositive();
        assertThat(deleted.get("outbox_entries")).isPositive();
        given().auth().oauth2(TestTokens.forUser("sven")).get("/api/commands/" + commandId).then().statusCode(404);
        given().auth().oauth2(TestTokens.forUser("sven")).get("/api/items/" + itemId).then().statusCode(200);
        assertThat(outbox.lastPublishedPrefix()).as("the newest entry stays").isEqualTo(numberedBefore);
        assertThat(MetricsPage.scrape().value("backchannel_retention_pruned_total", Map.of("table", "processed_commands")))
                .isGreaterThanOrEqualTo(deleted.get("processed_commands"));

        String next = Commands.id();
        broker.send(Addresses.COMMANDS, Commands.create("sven", next, Commands.id(), "New news"), "sven");
        await().atMost(PATIENCE).until(() -> about(status, next).size() == 2);
        assertThat(about(status, next).get(0).path("eventId").asText())
                .as("numbering continues after the pruned entries").isGreaterThan(String.format("%020d", numberedBefore));
    }
}
