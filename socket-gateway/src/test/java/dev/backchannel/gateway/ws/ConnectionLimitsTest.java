package dev.backchannel.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.backchannel.gateway.TestSocket;
import dev.backchannel.schemas.CloseCodes;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Limits at the upgrade and on open sockets (defaults: 20 sockets per user, own origin only). */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class ConnectionLimitsTest {

    @TestHTTPResource("/ws")
    URI ws;

    @Inject
    Vertx vertx;

    @Test
    void socketIsClosedWithTokenExpiredWhenItsTokenExpires() throws Exception {
        Instant opened = Instant.now();
        try (TestSocket socket = TestSocket.welcomed(vertx, ws,
                TestTokens.expiringAt("ivy-expiring", opened.plusSeconds(2)))) {
            await().atLeast(Duration.ofMillis(500)).atMost(Duration.ofSeconds(6))
                    .until(() -> socket.closeStatus() != null);

            assertThat(socket.closeStatus().intValue()).isEqualTo(CloseCodes.TOKEN_EXPIRED);
            assertThat(Duration.between(opened, Instant.now())).isLessThan(Duration.ofSeconds(4));
            assertThat(metrics()).containsPattern("backchannel_gateway_limit_enforced_total\\{limit=\"token-expired\"} [1-9]");
        }
    }

    @Test
    void socketBeyondTheUsersCapIsClosedWithTooManyConnectionsWhileOthersStayOpen() throws Exception {
        String token = TestTokens.forUser("carl-crowded");
        List<TestSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                open.add(TestSocket.welcomed(vertx, ws, token));
            }
            TestSocket oneTooMany = TestSocket.asBrowser(vertx, ws, token);
            open.add(oneTooMany);

            await().atMost(Duration.ofSeconds(10)).until(() -> oneTooMany.closeStatus() != null);
            assertThat(oneTooMany.closeStatus().intValue()).isEqualTo(CloseCodes.TOO_MANY_CONNECTIONS);
            assertThat(oneTooMany.framesOfType("welcome")).isEmpty();
            assertThat(open.subList(0, 20)).noneMatch(TestSocket::isClosed);
            try (TestSocket otherUser = TestSocket.welcomed(vertx, ws, TestTokens.forUser("dan-alone"))) {
                assertThat(otherUser.isClosed()).isFalse();
            }
            assertThat(metrics())
                    .containsPattern("backchannel_gateway_limit_enforced_total\\{limit=\"connections-per-user\"} [1-9]");
        } finally {
            open.forEach(TestSocket::close);
        }
    }

    @Test
    void upgradeFromAForeignOriginIsRefusedWith403() {
        Throwable failure = catchThrowable(() -> TestSocket.connect(vertx, TestSocket.options(ws)
                .addHeader("Origin", "https://evil.example").addHeader("Authorization",
                        "Bearer " + TestTokens.forUser("alice"))).close());

        assertThat(failure).isInstanceOf(ExecutionException.class);
        assertThat(failure.getCause()).isInstanceOf(UpgradeRejectedException.class);
        assertThat(((UpgradeRejectedException) failure.getCause()).getStatus()).isEqualTo(403);
        assertThat(metrics()).containsPattern("backchannel_gateway_limit_enforced_total\\{limit=\"origin\"} [1-9]");
    }

    @Test
    void upgradeFromTheGatewaysOwnOriginOrWithoutOriginIsAccepted() throws Exception {
        String token = TestTokens.forUser("alice");
        String ownOrigin = "http://" + ws.getHost() + ":" + ws.getPort();
        try (TestSocket browser = TestSocket.connect(vertx, TestSocket.options(ws).addHeader("Origin", ownOrigin)
                .addHeader("Authorization", "Bearer " + token));
                TestSocket service = TestSocket.connect(vertx, TestSocket.options(ws).setAllowOriginHeader(false)
                        .addHeader("Authorization", "Bearer " + token))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !browser.framesOfType("welcome").isEmpty()
                    && !service.framesOfType("welcome").isEmpty());
        }
    }

    private static String metrics() {
        return RestAssured.get("/q/metrics").asString();
    }
}
