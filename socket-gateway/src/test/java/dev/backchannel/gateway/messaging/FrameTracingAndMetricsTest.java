package dev.backchannel.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.gateway.PublishingSocketTest;
import dev.backchannel.gateway.StatusEvents;
import dev.backchannel.gateway.TestSocket;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.schemas.Timing;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.MetricsPage;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pushed frame carries its trace id and every hop's time; pushing moves the push latency histogram. */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class FrameTracingAndMetricsTest extends PublishingSocketTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PUBLISH_SPAN = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
    private static final String LATENCY = "backchannel_gateway_push_latency_seconds";

    @Test
    void shouldPushTheFrameWithItsTraceIdAndEveryHopsTimeInOrder() throws Exception {
        Instant processedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant publishedAt = processedAt.plusMillis(3);
        StatusEvent event = outcomeFor("zoe", processedAt);

        try (TestSocket zoe = TestSocket.welcomed(vertx, ws, TestTokens.forUser("zoe"))) {
            publisher.publish(event, relayProperties(publishedAt, 2));

            zoe.awaitEvent(event.eventId());
            JsonNode frame = zoe.framesWithEventId(event.eventId()).get(0);
            assertThat(SchemaValidator.instance().violations(MessageSchema.FRAME, frame)).isEmpty();
            assertThat(frame.path("traceId").asText()).isEqualTo(TRACE_ID);
            JsonNode timing = frame.path("timing");
            assertThat(timing.path("deliveryCount").asInt()).isEqualTo(1);
            assertThat(timing.path("publishAttempts").asInt()).isEqualTo(2);
            assertThat(timing.path("publishedAt").asText()).isEqualTo(publishedAt.toString());
            assertThat(instant(timing, "acceptedAt")).isBeforeOrEqualTo(instant(timing, "deliveredAt"));
            assertThat(instant(timing, "deliveredAt")).isBeforeOrEqualTo(instant(timing, "processedAt"));
            assertThat(instant(timing, "processedAt")).isBeforeOrEqualTo(instant(timing, "publishedAt"));
            assertThat(instant(timing, "publishedAt")).isBeforeOrEqualTo(instant(timing, "pushedAt"));
        }
    }

    @Test
    void shouldRecordPushLatencyFromCommitToSocketWhenAnEventIsPushed() throws Exception {
        Instant processedAt = Instant.now().minusMillis(40);
        StatusEvent event = outcomeFor("amir", processedAt);
        MetricsPage before = MetricsPage.scrape();

        try (TestSocket amir = TestSocket.welcomed(vertx, ws, TestTokens.forUser("amir"))) {
            publisher.publish(event, relayProperties(processedAt.plusMillis(1), 1));
            amir.awaitEvent(event.eventId());
        }

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            MetricsPage after = MetricsPage.scrape();
            assertThat(after.value(LATENCY + "_count", Map.of()))
                    .isEqualTo(before.value(LATENCY + "_count", Map.of()) + 1);
            assertThat(after.value(LATENCY + "_sum", Map.of()) - before.value(LATENCY + "_sum", Map.of()))
                    .isGreaterThanOrEqualTo(0.04);
            assertThat(bucket(after, "0.025")).as("40 ms is slower than 25 ms").isEqualTo(bucket(before, "0.025"));
            assertThat(bucket(after, "30.0")).as("and faster than 30 s").isEqualTo(bucket(before, "30.0") + 1);
        });
    }

    @Test
    void shouldPushAnEventWithoutRelayPropertiesAsItCame() throws Exception {
        StatusEvent event = outcomeFor("bea", Instant.now());

        try (TestSocket bea = TestSocket.welcomed(vertx, ws, TestTokens.forUser("bea"))) {
            publisher.publish(event);

            bea.awaitEvent(event.eventId());
            JsonNode timing = bea.framesWithEventId(event.eventId()).get(0).path("timing");
            assertThat(timing.has("publishedAt")).isFalse();
            assertThat(timing.has("pushedAt")).isTrue();
        }
    }

    @Test
    void shouldExposeEveryMetricDocumentedForTheGateway() {
        MetricsPage.assertEveryDocumentedMetricIsExposed("socket-gateway");
    }

    private static double bucket(MetricsPage page, String upperBound) {
        return page.value(LATENCY + "_bucket", Map.of("le", upperBound));
    }

    private static StatusEvent outcomeFor(String userId, Instant processedAt) {
        Frame.CommandSucceeded sample = StatusEvents.succeeded(userId);
        Timing timing = Timing.processed(processedAt.minusMillis(900), processedAt.minusMillis(5), 1, processedAt);
        Frame.CommandSucceeded frame = Frame.CommandSucceeded.of(StatusEvents.newEventId(), sample.commandId(),
                sample.entityId(), processedAt, sample.message(), sample.data(), timing, TRACE_ID);
        return StatusEvent.forUser(userId, frame, processedAt);
    }

    private static JsonObject relayProperties(Instant publishedAt, int attempts) {
        return new JsonObject().put(Addresses.PUBLISHED_AT_PROPERTY, publishedAt.toString())
                .put(Addresses.PUBLISH_ATTEMPTS_PROPERTY, attempts).put(Addresses.TRACEPARENT_PROPERTY, PUBLISH_SPAN);
    }

    private static Instant instant(JsonNode timing, String hop) {
        assertThat(timing.has(hop)).as(hop).isTrue();
        return Instant.parse(timing.path(hop).asText());
    }
}
