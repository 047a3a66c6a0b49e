package dev.backchannel.processor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.amqptest.AmqpTestClient;
import dev.backchannel.processor.outbox.EventIds;
import dev.backchannel.processor.outbox.OutboxMetrics;
import dev.backchannel.processor.outbox.OutboxRelay;
import dev.backchannel.processor.outbox.OutboxRepository;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.ErrorCode;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.schemas.Timing;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.DatabaseTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(DatabaseTestResource.class)
class OutboxRelayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    OutboxRepository outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxMetrics metrics;

    @Test
    void shouldPublishEntriesInSequenceOrderWithGroupIdOfTheirUser() throws Exception {
        try (AmqpTestClient client = BrokerTestResource.client()) {
            AmqpTestClient.Received status = client.receive(Addresses.STATUS);

            List<String> commandIds = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                commandIds.addAll(commit(i % 2 == 0 ? "ivan" : "judy", 60));
            }
            relay.wake();

            await().atMost(PATIENCE).until(() -> receivedOf(status, commandIds).size() == commandIds.size());
            List<AmqpTestClient.Received.Delivery> received = receivedOf(status, commandIds);
            assertThat(received).extracting(OutboxRelayTest::commandIdOf).as("in commit order")
                    .containsExactlyElementsOf(commandIds);
            List<String> eventIds = received.stream().map(AmqpTestClient.Received.Delivery::messageId).toList();
            assertThat(eventIds).as("ids given in publish order").isSorted().doesNotHaveDuplicates()
                    .doesNotContain(EventIds.UNSEQUENCED);
            assertThat(received).allSatisfy(delivery -> {
                assertThat(delivery.groupId()).isIn("ivan", "judy");
                // a time to live of its own (so the broker need not re-encode it for the address's expiry)
                assertThat(delivery.message().ttl()).isEqualTo(Duration.ofHours(1).toMillis());
                StatusEvents.valid(delivery.body());
                assertThat(delivery.body()).contains("\"eventId\":\"" + delivery.messageId() + "\"")
                        .doesNotContain(EventIds.UNSEQUENCED);
            });
        }
    }

    @Test
    void shouldRetryWhileTheBrokerIsDownAndPublishOnceItIsBack() throws Exception {
        double retriesBefore = metrics.retries();
        BrokerTestResource.stopBroker();
        long publishedBefore = outbox.lastPublishedPrefix();
        try {
            commit("mallory", 3);
            relay.wake();
            await().atMost(PATIENCE).until(() -> metrics.retries() > retriesBefore);
            assertThat(outbox.unpublished()).as("held while the broker is away").isGreaterThanOrEqualTo(3);
        } finally {
            BrokerTestResource.startBroker();
        }

        await().atMost(PATIENCE).until(() -> outbox.unpublished() == 0);
        assertThat(outbox.lastPublishedPrefix()).isGreaterThanOrEqualTo(publishedBefore + 3);
    }

    @Test
    void shouldProcessCommandsAndReportHealthyAgainAfterTheBrokerRestarts() throws Exception {
        BrokerTestResource.stopBroker();
        BrokerTestResource.startBroker();

        try (AmqpTestClient client = BrokerTestResource.client()) {
            AmqpTestClient.Received status = client.receive(Addresses.STATUS);
            String commandId = Commands.id();
            client.send(Addresses.COMMANDS, Commands.create("niaj", commandId, Commands.id(), "After restart"), "niaj");

            await().atMost(PATIENCE).until(() -> status.bodiesContaining(commandId).size() == 2);
        }
        await().atMost(PATIENCE).until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/live").then().statusCode(200);
    }

    /** Commits {@code count} command outcomes for {@code userId} in one transaction; returns their command ids. */
    private List<String> commit(String userId, int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Instant now = Instant.now();
                String commandId = Commands.id();
                Frame.CommandFailed frame = Frame.CommandFailed.of(EventIds.UNSEQUENCED, commandId, Commands.id(),
                        now, "Something failed", new Frame.Failure(ErrorCode.PROCESSING_FAILED, "test"),
                        Timing.processed(now, now, 1, now), null);
                outbox.append(StatusEvent.forUser(userId, frame, now), null, null);
                ids.add(commandId);
            }
            return ids;
        });
    }

    private static List<AmqpTestClient.Received.Delivery> receivedOf(AmqpTestClient.Received status,
            List<String> commandIds) {
        return status.deliveries().stream().filter(d -> commandIds.contains(commandIdOf(d))).toList();
    }

    private static String commandIdOf(AmqpTestClient.Received.Delivery delivery) {
        return Json.read(delivery.body(), StatusEvent.class).payload() instanceof Frame.CommandOutcome outcome
                ? outcome.commandId() : null;
    }
}
