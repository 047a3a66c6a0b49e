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

            List<String> eventIds = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                eventIds.addAll(commit(i % 2 == 0 ? "ivan" : "judy", 60));
            }
            relay.wake();

            await().atMost(PATIENCE).until(() -> receivedOf(status, eventIds).size() == eventIds.size());
            assertThat(receivedOf(status, eventIds)).extracting(AmqpTestClient.Received.Delivery::messageId)
                    .containsExactlyElementsOf(eventIds);
            assertThat(receivedOf(status, eventIds)).allSatisfy(delivery ->
                    assertThat(delivery.groupId()).isIn("ivan", "judy"));
            assertThat(receivedOf(status, eventIds)).allSatisfy(delivery ->
                    StatusEvents.valid(delivery.body()));
        }
    }

    @Test
    void shouldRetryWhileTheBrokerIsDownAndPublishOnceItIsBack() throws Exception {
        double retriesBefore = metrics.retries();
        BrokerTestResource.stopBroker();
        List<String> eventIds;
        try {
            eventIds = commit("mallory", 3);
            relay.wake();
            await().atMost(PATIENCE).until(() -> metrics.retries() > retriesBefore);
        } finally {
            BrokerTestResource.startBroker();
        }

        await().atMost(PATIENCE).until(() -> outbox.pendingAfter(0, 1000).stream()
                .noneMatch(entry -> eventIds.contains(entry.eventId())));
        assertThat(outbox.lastPublishedPrefix()).isGreaterThanOrEqualTo(EventIds.seqOf(eventIds.get(2)));
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

    /** Commits {@code count} command outcomes for {@code userId} in one transaction; returns their event ids. */
    private List<String> commit(String userId, int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long first = outbox.reserve(count);
            List<String> ids = new ArrayList<>();
            for (long seq = first; seq < first + count; seq++) {
                String eventId = EventIds.of(seq);
                Instant now = Instant.now();
                Frame.CommandFailed frame = Frame.CommandFailed.of(eventId, Commands.id(), Commands.id(), now,
                        "Something failed", new Frame.Failure(ErrorCode.PROCESSING_FAILED, "test"),
                        Timing.processed(now, now, 1, now), null);
                outbox.append(seq, StatusEvent.forUser(userId, frame, now), null);
                ids.add(eventId);
            }
            return ids;
        });
    }

    private static List<AmqpTestClient.Received.Delivery> receivedOf(AmqpTestClient.Received status,
            List<String> eventIds) {
        return status.deliveries().stream().filter(d -> eventIds.contains(d.messageId())).toList();
    }
}
