package dev.backchannel.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.gateway.TestSocket;
import dev.backchannel.schemas.CloseCodes;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class ClientRequestTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TestHTTPResource("/ws")
    URI ws;

    @Inject
    Vertx vertx;

    @Test
    void subscribingToANonPublicTopicAnswersForbiddenTopic() throws Exception {
        try (TestSocket socket = TestSocket.welcomed(vertx, ws, TestTokens.forUser("alice"))) {
            socket.send("{\"type\":\"subscribe\",\"topic\":\"admin\"}");

            JsonNode error = awaitErrors(socket, 1).get(0);
            assertThat(error.get("code").asText()).isEqualTo("forbidden_topic");
        }
    }

    @Test
    void garbageAnswersBadRequestAndTheSocketKeepsWorking() throws Exception {
        try (TestSocket socket = TestSocket.welcomed(vertx, ws, TestTokens.forUser("alice"))) {
            socket.send("this is not json");
            socket.send("[1,2,3]");
            socket.send("{\"type\":\"dance\"}");
            socket.send("{\"type\":\"subscribe\"}");
            socket.send("{\"type\":\"subscribe\",\"topic\":\"items\",\"extra\":true}");

            List<JsonNode> errors = awaitErrors(socket, 5);
            assertThat(errors).extracting(e -> e.get("code").asText()).containsOnly("bad_request");
            assertThat(errors.get(0).get("message").asText()).isEqualTo("not JSON");

            socket.send("{\"type\":\"resume\",\"lastEventId\":\"00000000000000000001\"}");
            await().atMost(TIMEOUT).until(() -> !socket.framesOfType("reset").isEmpty());
            assertThat(socket.isClosed()).isFalse();
            assertEveryFrameValid(socket);
        }
    }

    @Test
    void resumeFromAnEventBeforeThisNodeStartedAnswersReset() throws Exception {
        try (TestSocket socket = TestSocket.welcomed(vertx, ws, TestTokens.forUser("alice"))) {
            socket.send("{\"type\":\"resume\",\"lastEventId\":\"00000000000000000001\"}");

            await().atMost(TIMEOUT).until(() -> !socket.framesOfType("reset").isEmpty());
            assertThat(socket.framesOfType("reset").get(0).get("reason").asText()).contains("reload");
            assertThat(socket.framesOfType("welcome")).hasSize(1);
            assertEveryFrameValid(socket);
        }
    }

    @Test
    void oversizedMessageClosesTheSocketWithTooBig() throws Exception {
        try (TestSocket socket = TestSocket.welcomed(vertx, ws, TestTokens.forUser("alice"))) {
            socket.send("{\"type\":\"subscribe\",\"topic\":\"" + "x".repeat(20_000) + "\"}");

            await().atMost(TIMEOUT).until(() -> socket.closeStatus() != null);
            assertThat(socket.closeStatus().intValue()).isEqualTo(CloseCodes.TOO_BIG);
        }
    }

    private static List<JsonNode> awaitErrors(TestSocket socket, int count) {
        await().atMost(TIMEOUT).until(() -> socket.framesOfType("error").size() >= count);
        return socket.framesOfType("error");
    }

    private static void assertEveryFrameValid(TestSocket socket) {
        for (String frame : socket.frames()) {
            assertThat(SchemaValidator.instance().violations(MessageSchema.FRAME, frame)).as(frame).isEmpty();
        }
    }
}
