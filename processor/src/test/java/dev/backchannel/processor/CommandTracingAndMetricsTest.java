package dev.backchannel.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.amqptest.AmqpTestClient;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.QueuedCommand;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.DatabaseTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.MetricsPage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A processed command continues its trace into the status events, and moves the processor's metrics. */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(DatabaseTestResource.class)
class CommandTracingAndMetricsTest extends StatusListeningTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Test
    void shouldRecordQueueDelayProcessingTimeAndPublishLagWhenACommandIsProcessed() throws Exception {
        MetricsPage before = MetricsPage.scrape();
        String commandId = Commands.id();
        // accepted 300 ms ago: that is its queue delay, at least
        String queued = Json.write(new QueuedCommand(Command.create(commandId, Commands.id(), "Timed", null),
                "vera", Instant.now().minusMillis(300), Commands.TRACEPARENT));

        broker.send(Addresses.COMMANDS, queued, "vera");

        await().atMost(PATIENCE).until(() -> status.containing(commandId).size() == 2);
        await().atMost(PATIENCE).untilAsserted(() -> {
            MetricsPage after = MetricsPage.scrape();
            assertThat(count(after, "backchannel_commands_queue_delay_seconds"))
                    .isEqualTo(count(before, "backchannel_commands_queue_delay_seconds") + 1);
            assertThat(sum(after, "backchannel_commands_queue_delay_seconds")
                    - sum(before, "backchannel_commands_queue_delay_seconds")).isGreaterThanOrEqualTo(0.3);
            assertThat(count(after, "backchannel_commands_processing_seconds"))
                    .isEqualTo(count(before, "backchannel_commands_processing_seconds") + 1);
            assertThat(count(after, "backchannel_outbox_publish_lag_seconds"))
                    .isGreaterThanOrEqualTo(count(before, "backchannel_outbox_publish_lag_seconds") + 2);
        });
    }

    @Test
    void shouldKeepTheCommandsTraceIdInTheStatusEventAndContinueItsTraceOnTheMessage() throws Exception {
        String commandId = Commands.id();

        broker.send(Addresses.COMMANDS, Commands.create("wendy", commandId, Commands.id(), "Traced"), "wendy");

        await().atMost(PATIENCE).until(() -> status.containing(commandId).size() == 2);
        for (AmqpTestClient.Received.Delivery delivery : status.containing(commandId)) {
            JsonNode payload = StatusEvents.valid(delivery.body()).path("payload");
            assertThat(payload.path("traceId").asText()).isEqualTo(Commands.TRACE_ID);
            String traceparent = delivery.applicationProperties().getString(Addresses.TRACEPARENT_PROPERTY);
            assertThat(traceparent).startsWith("00-" + Commands.TRACE_ID + "-")
                    .as("a span of the processor, not the api's").isNotEqualTo(Commands.TRACEPARENT);
        }
    }

    @Test
    void shouldStampPublishedAtAndPublishAttemptsOnEveryStatusMessageAfterTheCommit() throws Exception {
        String commandId = Commands.id();

        broker.send(Addresses.COMMANDS, Commands.create("xena", commandId, Commands.id(), "Stamped"), "xena");

        await().atMost(PATIENCE).until(() -> status.containing(commandId).size() == 2);
        for (AmqpTestClient.Received.Delivery delivery : status.containing(commandId)) {
            JsonNode timing = StatusEvents.valid(delivery.body()).path("payload").path("timing");
            JsonObject properties = delivery.applicationProperties();
            Instant publishedAt = Instant.parse(properties.getString(Addresses.PUBLISHED_AT_PROPERTY));
            assertThat(properties.getInteger(Addresses.PUBLISH_ATTEMPTS_PROPERTY)).isEqualTo(1);
            assertThat(Instant.parse(timing.path("acceptedAt").asText()))
                    .isBeforeOrEqualTo(Instant.parse(timing.path("deliveredAt").asText()));
            assertThat(Instant.parse(timing.path("deliveredAt").asText()))
                    .isBeforeOrEqualTo(Instant.parse(timing.path("processedAt").asText()));
            assertThat(Instant.parse(timing.path("processedAt").asText())).isBeforeOrEqualTo(publishedAt);
        }
    }

    @Test
    void shouldStartATraceForACommandThatCameWithoutOne() throws Exception {
        String commandId = Commands.id();
        String untraced = Json.write(new QueuedCommand(Command.create(commandId, Commands.id(), "No trace", null),
                "yuri", Instant.now(), null));

        broker.send(Addresses.COMMANDS, untraced, "yuri");

        await().atMost(PATIENCE).until(() -> status.containing(commandId).size() == 2);
        List<String> traceIds = status.containing(commandId).stream()
                .map(delivery -> StatusEvents.valid(delivery.body()).path("payload").path("traceId").asText())
                .distinct().toList();
        assertThat(traceIds).hasSize(1);
        assertThat(traceIds.get(0)).matches("^[0-9a-f]{32}$");
        assertThat(status.containing(commandId).get(0).applicationProperties()
                .getString(Addresses.TRACEPARENT_PROPERTY)).contains(traceIds.get(0));
    }

    @Test
    void shouldExposeEveryMetricDocumentedForTheProcessor() {
        MetricsPage.assertEveryDocumentedMetricIsExposed("processor");
    }

    private static double count(MetricsPage page, String timer) {
        return page.value(timer + "_count", Map.of());
    }

    private static double sum(MetricsPage page, String timer) {
        return page.value(timer + "_sum", Map.of());
    }
}
