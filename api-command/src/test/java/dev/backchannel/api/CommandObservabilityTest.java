package dev.backchannel.api;

import dev.backchannel.testsupport.MetricsPage;

import static dev.backchannel.api.Requests.createBody;
import static dev.backchannel.api.Requests.postCommand;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.schemas.Addresses;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The metrics api-command documents move when their event happens; a command keeps its trace. */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class CommandObservabilityTest {

    private static final String REFUSED = "backchannel_commands_refused_total";
    private static final String ACCEPTED = "backchannel_commands_accepted_total";
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void shouldCountABodyThatDoesNotMatchTheSchemaOnceAsRefusedForBadRequest() {
        double before = refused("bad_request");

        assertThat(postCommand("quinn", "{\"commandId\":\"nope\"}").statusCode()).isEqualTo(400);

        assertThat(refused("bad_request")).isEqualTo(before + 1);
    }

    @Test
    void shouldCountUnauthorizedTooLargeAndUnsupportedMediaTypeRefusalsByTheirReason() {
        double unauthorized = refused("unauthorized");
        double tooLarge = refused("too_large");
        double unsupported = refused("unsupported_media_type");

        assertThat(given().contentType("application/json").body(createBody(UUID.randomUUID().toString(), "x"))
                .post("/api/commands").statusCode()).isEqualTo(401);
        assertThat(postCommand("rita", createBody(UUID.randomUUID().toString(), "x".repeat(70_000))).statusCode())
                .isEqualTo(413);
        assertThat(given().auth().oauth2(TestTokens.forUser("rita")).contentType("text/plain").body("hi")
                .post("/api/commands").statusCode()).isEqualTo(415);

        assertThat(refused("unauthorized")).isEqualTo(unauthorized + 1);
        assertThat(refused("too_large")).isEqualTo(tooLarge + 1);
        assertThat(refused("unsupported_media_type")).isEqualTo(unsupported + 1);
    }

    @Test
    void shouldCountAReusedCommandIdAsRefusedAndARetryAsAcceptedAgain() {
        String commandId = UUID.randomUUID().toString();
        double first = accepted("false");
        double retries = accepted("true");
        double reused = refused("reused_command_id");

        String body = createBody(commandId, "Once");
        assertThat(postCommand("sven", body).statusCode()).isEqualTo(202);
        assertThat(postCommand("sven", body).statusCode()).isEqualTo(202);
        assertThat(postCommand("sven", createBody(commandId, "Other")).statusCode()).isEqualTo(422);

        assertThat(accepted("false")).isEqualTo(first + 1);
        assertThat(accepted("true")).isEqualTo(retries + 1);
        assertThat(refused("reused_command_id")).isEqualTo(reused + 1);
    }

    @Test
    void shouldQueueTheCommandWithTheTraceIdOfItsTraceparentHeader() throws Exception {
        String commandId = UUID.randomUUID().toString();
        try (BrokerProbe probe = new BrokerProbe(Addresses.COMMANDS)) {
            assertThat(given().auth().oauth2(TestTokens.forUser("tara"))
                    .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
                    .contentType("application/json").body(createBody(commandId, "Traced"))
                    .post("/api/commands").statusCode()).isEqualTo(202);

            String traceparent = queuedTraceparent(probe, commandId);
            assertThat(traceparent).matches("^00-" + TRACE_ID + "-[0-9a-f]{16}-0[01]$");
        }
    }

    @Test
    void shouldGiveACommandSentWithoutTraceparentATraceOfItsOwn() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        try (BrokerProbe probe = new BrokerProbe(Addresses.COMMANDS)) {
            assertThat(postCommand("uma", createBody(first, "Untraced 1")).statusCode()).isEqualTo(202);
            assertThat(postCommand("uma", createBody(second, "Untraced 2")).statusCode()).isEqualTo(202);

            String one = queuedTraceparent(probe, first);
            String two = queuedTraceparent(probe, second);
            assertThat(one).matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$");
            assertThat(two).matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$");
            assertThat(one.substring(3, 35)).as("each command its own trace").isNotEqualTo(two.substring(3, 35));
        }
    }

    @Test
    void shouldExposeEveryMetricDocumentedForApiCommand() {
        MetricsPage.assertEveryDocumentedMetricIsExposed("api-command");
    }

    private static String queuedTraceparent(BrokerProbe probe, String commandId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.withCommandId(commandId).size() == 1);
        return probe.withCommandId(commandId).get(0).message().bodyAsJsonObject().getString("traceparent");
    }

    private static double refused(String reason) {
        return MetricsPage.scrape().value(REFUSED, Map.of("reason", reason));
    }

    private static double accepted(String retry) {
        return MetricsPage.scrape().value(ACCEPTED, Map.of("retry", retry));
    }
}
