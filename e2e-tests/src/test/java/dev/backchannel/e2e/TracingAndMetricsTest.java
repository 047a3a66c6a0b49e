package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandAccepted;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.Timing;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** A command's trace id reaches the pushed frame, every hop's time is there, and the metrics move. */
class TracingAndMetricsTest {

    private static final Duration PUSH = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final RunningSystem system = RunningSystem.get();

    @Test
    void shouldCarryTheTraceIdOfTheCommandIntoThePushedFramesWithEveryHopInOrder() throws Exception {
        try (Window window = Window.open(system, "tracy")) {
            String token = new QuerySideProbe(system, "tracy").token();
            String traceId = HexFormat.of().formatHex(randomBytes(16));
            Command command = Commands.create(Commands.newEntityId(), "Traced");

            HttpResponse<String> answer = post(token, command, "00-" + traceId + "-" + HexFormat.of()
                    .formatHex(randomBytes(8)) + "-01");

            assertThat(answer.statusCode()).isEqualTo(202);
            CommandAccepted accepted = Json.read(answer.body(), CommandAccepted.class);
            await().atMost(PUSH).until(() -> window.outcomesOf(command.commandId()).size() == 1
                    && window.changesOf(command.entityId()).size() == 1);
            Frame.CommandOutcome outcome = window.outcomesOf(command.commandId()).get(0);
            Frame.EntityChanged changed = window.changesOf(command.entityId()).get(0);
            assertThat(((Frame.CommandSucceeded) outcome).traceId()).isEqualTo(traceId);
            assertThat(changed.traceId()).isEqualTo(traceId);
            Timing timing = outcome.timing();
            assertThat(timing.acceptedAt()).isEqualTo(accepted.acceptedAt());
            assertThat(timing.deliveryCount()).isGreaterThanOrEqualTo(1);
            assertThat(timing.publishAttempts()).isGreaterThanOrEqualTo(1);
            assertThat(timing.deliveredAt()).isAfterOrEqualTo(timing.acceptedAt());
            assertThat(timing.processedAt()).isAfterOrEqualTo(timing.deliveredAt());
            assertThat(timing.publishedAt()).isAfterOrEqualTo(timing.processedAt());
            assertThat(timing.pushedAt()).isAfterOrEqualTo(timing.publishedAt());
        }
    }

    @Test
    void shouldMoveTheMetricsOfEachHopWhenACommandPassesAndWhenOneIsRefused() throws Exception {
        try (Window window = Window.open(system, "metra")) {
            String token = new QuerySideProbe(system, "metra").token();
            MetricsScrape api = MetricsScrape.of(system, Service.API_COMMAND);
            MetricsScrape processor = MetricsScrape.of(system, Service.PROCESSOR);
            MetricsScrape gateway = MetricsScrape.of(system, Service.SOCKET_GATEWAY);
            Command command = Commands.create(Commands.newEntityId(), "Measured");

            assertThat(post(token, command, null).statusCode()).isEqualTo(202);
            assertThat(post(token, Commands.create("not-a-uuid", "Refused"), null).statusCode()).isEqualTo(400);
            await().atMost(PUSH).until(() -> window.outcomesOf(command.commandId()).size() == 1);

            await().atMost(PUSH).untilAsserted(() -> {
                MetricsScrape apiNow = MetricsScrape.of(system, Service.API_COMMAND);
                MetricsScrape processorNow = MetricsScrape.of(system, Service.PROCESSOR);
                MetricsScrape gatewayNow = MetricsScrape.of(system, Service.SOCKET_GATEWAY);
                assertThat(grew(api, apiNow, "backchannel_commands_accepted_total", "retry=\"false\""))
                        .isGreaterThanOrEqualTo(1);
                assertThat(grew(api, apiNow, "backchannel_commands_refused_total", "reason=\"bad_request\""))
                        .isGreaterThanOrEqualTo(1);
                assertThat(grew(processor, processorNow, "backchannel_commands_processed_total",
                        "outcome=\"succeeded\"")).isGreaterThanOrEqualTo(1);
                assertThat(grew(processor, processorNow, "backchannel_commands_queue_delay_seconds_count", ""))
                        .isGreaterThanOrEqualTo(1);
                assertThat(grew(processor, processorNow, "backchannel_commands_processing_seconds_count", ""))
                        .isGreaterThanOrEqualTo(1);
                assertThat(grew(processor, processorNow, "backchannel_outbox_published_total", ""))
                        .isGreaterThanOrEqualTo(2);
                assertThat(grew(gateway, gatewayNow, "backchannel_gateway_push_latency_seconds_count", ""))
                        .isGreaterThanOrEqualTo(1);
                assertThat(grew(gateway, gatewayNow, "backchannel_gateway_frames_pushed_total", ""))
                        .isGreaterThanOrEqualTo(1);
                assertThat(gatewayNow.value("backchannel_gateway_connections_open", "")).isGreaterThanOrEqualTo(1);
            });
        }
    }

    private static double grew(MetricsScrape before, MetricsScrape after, String name, String labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private HttpResponse<String> post(String token, Command command, String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(system.url(Service.API_COMMAND, "/api/commands"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(command)));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros, which W3C calls invalid
        return bytes;
    }
}
