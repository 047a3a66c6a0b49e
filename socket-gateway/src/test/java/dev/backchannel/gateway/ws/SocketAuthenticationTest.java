package dev.backchannel.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.gateway.TestSocket;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class SocketAuthenticationTest {

    @TestHTTPResource("/ws")
    URI ws;

    @Inject
    Vertx vertx;

    @Test
    void upgradeWithoutTokenIsRefusedWith401() {
        assertThat(rejectionStatus(() -> TestSocket.connect(vertx,
                TestSocket.options(ws).addSubProtocol(TestSocket.SUBPROTOCOL)))).isEqualTo(401);
    }

    @Test
    void upgradeWithTamperedTokenIsRefusedWith401() {
        assertThat(rejectionStatus(() -> TestSocket.asBrowser(vertx, ws, TestTokens.tampered("mallory", "alice"))))
                .isEqualTo(401);
    }

    @Test
    void upgradeWithExpiredTokenIsRefusedWith401() {
        assertThat(rejectionStatus(() -> TestSocket.asBrowser(vertx, ws,
                TestTokens.expired("alice", Duration.ofMinutes(5))))).isEqualTo(401);
    }

    @Test
    void upgradeWithUnsignedTokenIsRefusedWith401() {
        assertThat(rejectionStatus(() -> TestSocket.asBrowser(vertx, ws, TestTokens.unsigned("alice"))))
                .isEqualTo(401);
    }

    @Test
    void upgradeWithGarbageHeaderTokenIsRefusedWith401() {
        assertThat(rejectionStatus(() -> TestSocket.withHeader(vertx, ws, "not-a-token"))).isEqualTo(401);
    }

    @Test
    void browserSubprotocolPairConnectsAnswersBackchannelV1AndWelcomes() throws Exception {
        try (TestSocket socket = TestSocket.welcomed(vertx, ws, TestTokens.forUser("alice"))) {
            assertThat(socket.subprotocol()).isEqualTo("backchannel.v1");
            JsonNode welcome = socket.framesOfType("welcome").get(0);
            assertThat(SchemaValidator.instance().violations(MessageSchema.FRAME, welcome)).isEmpty();
            assertThat(welcome.get("userId").asText()).isEqualTo("alice");
            assertThat(welcome.get("resumed").asBoolean()).isFalse();
            assertThat(welcome.get("connectionId").asText()).isNotBlank();
        }
    }

    @Test
    void authorizationHeaderConnectsNonBrowserClients() throws Exception {
        try (TestSocket socket = TestSocket.withHeader(vertx, ws, TestTokens.forUser("bob"))) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> !socket.framesOfType("welcome").isEmpty());
            assertThat(socket.framesOfType("welcome").get(0).get("userId").asText()).isEqualTo("bob");
        }
    }

    @Test
    void eachConnectionGetsItsOwnConnectionId() throws Exception {
        String token = TestTokens.forUser("alice");
        try (TestSocket first = TestSocket.welcomed(vertx, ws, token);
                TestSocket second = TestSocket.welcomed(vertx, ws, token)) {
            assertThat(first.framesOfType("welcome").get(0).get("connectionId").asText())
                    .isNotEqualTo(second.framesOfType("welcome").get(0).get("connectionId").asText());
        }
    }

    private interface Connect {
        TestSocket connect() throws Exception;
    }

    private static int rejectionStatus(Connect connect) {
        Throwable failure = catchThrowable(() -> connect.connect().close());
        assertThat(failure).as("the upgrade should have been refused").isInstanceOf(ExecutionException.class);
        assertThat(failure.getCause()).isInstanceOf(UpgradeRejectedException.class);
        return ((UpgradeRejectedException) failure.getCause()).getStatus();
    }
}
