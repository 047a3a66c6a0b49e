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
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Token refresh in band (v2), with the default warning of 60 s before expiry. */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class TokenRefreshTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @TestHTTPResource("/ws")
    URI ws;

    @Inject
    Vertx vertx;

    private static String refresh(String token) {
        return "{\"type\":\"token.refresh\",\"token\":\"" + token + "\"}";
    }

    @Test
    void aV2SocketIsWarnedBeforeExpiryAndASameUserTokenKeepsItAlive() throws Exception {
        Instant firstExpiry = Instant.now().plusSeconds(63);
        try (TestSocket socket = TestSocket.welcomedV2(vertx, ws, TestTokens.expiringAt("hana", firstExpiry))) {
            JsonNode expiring = socket.awaitFrame("token.expiring", f -> true);
            assertThat(Instant.parse(expiring.get("expiresAt").asText()).getEpochSecond())
                    .isEqualTo(firstExpiry.getEpochSecond());

            Instant renewed = Instant.now().plus(Duration.ofHours(2));
            socket.send(refresh(TestTokens.expiringAt("hana", renewed)));

            JsonNode refreshed = socket.awaitFrame("token.refreshed", f -> true);
            assertThat(Instant.parse(refreshed.get("expiresAt").asText()).getEpochSecond())
                    .isEqualTo(renewed.getEpochSecond());
            assertThat(socket.framesOfType("token.expiring")).hasSize(1);
            assertThat(socket.isClosed()).isFalse();
            for (String frame : socket.frames()) {
                assertThat(SchemaValidator.instance().violations(MessageSchema.FRAME, frame)).as(frame).isEmpty();
            }
        }
    }

    @Test
    void anotherUsersOrAnInvalidTokenIsRefusedAndTheOldExpiryStays() throws Exception {
        Instant expiry = Instant.now().plusSeconds(4);
        try (TestSocket socket = TestSocket.welcomedV2(vertx, ws, TestTokens.expiringAt("ivan", expiry))) {
            socket.send(refresh(TestTokens.forUser("mallory")));
            socket.send(refresh(TestTokens.tampered("mallory", "ivan")));
            socket.send(refresh(TestTokens.expired("ivan", Duration.ofHours(1))));
            socket.send(refresh("not-a-jwt"));

            await().atMost(TIMEOUT).until(() -> socket.framesOfType("error").size() == 4);
            assertThat(socket.framesOfType("error")).extracting(e -> e.get("code").asText()).containsOnly("bad_token");
            assertThat(socket.framesOfType("error").get(0).get("message").asText()).contains("another user");
            assertThat(socket.framesOfType("token.refreshed")).isEmpty();
            assertThat(socket.isClosed()).isFalse();

            // the old expiry stays: the socket is closed with 4001 when that token runs out
            await().atMost(TIMEOUT).until(socket::isClosed);
            assertThat(socket.closeStatus()).isEqualTo((short) CloseCodes.TOKEN_EXPIRED);
            assertThat(Instant.now()).isAfterOrEqualTo(expiry.minusSeconds(1));
        }
    }

    @Test
    void aRefreshedSocketOutlivesItsFirstToken() throws Exception {
        Instant expiry = Instant.now().plusSeconds(3);
        try (TestSocket socket = TestSocket.welcomedV2(vertx, ws, TestTokens.expiringAt("jade", expiry))) {
            socket.send(refresh(TestTokens.forUser("jade")));
            socket.awaitFrame("token.refreshed", f -> true);

            await().atMost(TIMEOUT).until(() -> Instant.now().isAfter(expiry.plusSeconds(2)));
            assertThat(socket.isClosed()).isFalse();
        }
    }

    @Test
    void aV1SocketGetsNoWarningAndCannotRefresh() throws Exception {
        try (TestSocket socket = TestSocket.welcomed(vertx, ws, TestTokens.expiringAt("kim", Instant.now().plusSeconds(62)))) {
            socket.sendAndBarrier(refresh(TestTokens.forUser("kim")));

            assertThat(socket.framesOfType("error").get(0).get("message").asText()).contains("backchannel.v2");
            assertThat(socket.framesOfType("token.expiring")).isEmpty();
            assertThat(socket.framesOfType("token.refreshed")).isEmpty();
        }
    }
}
