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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What one socket may send: a flood is refused with rate_limited, then closed with 1008; so are bad requests in a row. */
@QuarkusTest
@TestProfile(InboundLimitsTest.TightLimits.class)
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class InboundLimitsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** 1 message per second, 20 at once (a full bucket takes 20 s), 20 refused or 5 bad requests in a row close. */
    public static final class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backchannel.gateway.inbound.messages-per-second", "1",
                    "backchannel.gateway.inbound.burst", "20",
                    "backchannel.gateway.inbound.max-refused", "20",
                    "backchannel.gateway.inbound.max-bad-requests", "5");
        }
    }

    @TestHTTPResource("/ws")
    URI ws;

    @Inject
    Vertx vertx;

    @Test
    void shouldAnswerAFloodOnceWithRateLimitedThenCloseWithPolicyViolation() throws Exception {
        try (TestSocket socket = TestSocket.welcomed(vertx, ws, TestTokens.forUser("flood"))) {
            for (int i = 0; i < 60 && !socket.isClosed(); i++) {
                socket.send("{\"type\":\"subscribe\",\"topic\":\"items\"}");
            }

            await().atMost(TIMEOUT).until(() -> socket.closeStatus() != null);
            assertThat(socket.closeStatus()).isEqualTo((short) CloseCodes.POLICY_VIOLATION);
            List<JsonNode> errors = socket.framesOfType("error");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).get("code").asText()).isEqualTo("rate_limited");
            assertThat(SchemaValidator.instance().violations(MessageSchema.FRAME, errors.get(0))).isEmpty();
        }
    }

    @Test
    void shouldCloseWithPolicyViolationAfterTooManyBadRequestsInARow() throws Exception {
        try (TestSocket socket = TestSocket.welcomed(vertx, ws, TestTokens.forUser("garbler"))) {
            for (int i = 0; i < 5; i++) {
                socket.send("not json " + i);
            }

            await().atMost(TIMEOUT).until(() -> socket.closeStatus() != null);
            assertThat(socket.closeStatus()).isEqualTo((short) CloseCodes.POLICY_VIOLATION);
            assertThat(socket.framesOfType("error")).hasSize(5)
                    .allSatisfy(error -> assertThat(error.get("code").asText()).isEqualTo("bad_request"));
        }
    }

    @Test
    void shouldKeepASocketWhoseBadRequestsAreNotInARow() throws Exception {
        try (TestSocket socket = TestSocket.welcomed(vertx, ws, TestTokens.forUser("sometimes")))  {
            for (int i = 0; i < 4; i++) {
                socket.send("not json " + i);
            }
            socket.send("{\"type\":\"subscribe\",\"topic\":\"items\"}");
            for (int i = 0; i < 3; i++) {
                socket.send("not json again " + i);
            }
            socket.sendAndBarrier("{\"type\":\"unsubscribe\",\"topic\":\"items\"}");

            await().atMost(TIMEOUT).until(() -> socket.framesOfType("error").size() == 8);
            assertThat(socket.isClosed()).isFalse();
        }
    }
}
