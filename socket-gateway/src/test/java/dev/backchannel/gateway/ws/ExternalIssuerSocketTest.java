package dev.backchannel.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.backchannel.gateway.TestSocket;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.OidcTestResource;
import dev.backchannel.testsupport.TestIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The socket configured for an external OIDC issuer (BACKCHANNEL_OIDC_*). */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(OidcTestResource.class)
class ExternalIssuerSocketTest {

    private static final String AUDIENCE = "aud=" + OidcTestResource.AUDIENCE;
    private static final String GOOD = AUDIENCE + "&sub=9a7f-uid&claim=" + OidcTestResource.USER_CLAIM + "&value=alice";

    @TestHTTPResource("/ws")
    URI ws;

    @Inject
    Vertx vertx;

    @Test
    void shouldWelcomeTheUserOfTheConfiguredClaim() throws Exception {
        try (TestSocket socket = TestSocket.welcomed(vertx, ws, token(GOOD))) {
            assertThat(socket.framesOfType("welcome").get(0).get("userId").asText()).isEqualTo("alice");
        }
    }

    @Test
    void shouldRefuseTheUpgradeForAWrongAudienceIssuerOrExpiryWith401() {
        assertThat(rejectionStatus(token("aud=another-api&claim=preferred_username&value=alice"))).isEqualTo(401);
        assertThat(rejectionStatus(token(GOOD + "&iss=https://elsewhere.example"))).isEqualTo(401);
        assertThat(rejectionStatus(token(GOOD + "&ttl=-300"))).isEqualTo(401);
    }

    @Test
    void shouldRefuseTheUpgradeForAUserClaimThatIsNotAUserIdWith403() {
        assertThat(rejectionStatus(token(AUDIENCE + "&claim=preferred_username&value=alice%20smith")))
                .isEqualTo(403);
        assertThat(rejectionStatus(token(AUDIENCE + "&sub=alice"))).isEqualTo(403);
    }

    @Test
    void shouldAcceptTokensSignedWithTheIssuersNewKeyAfterARotation() throws Exception {
        try (TestSocket before = TestSocket.welcomed(vertx, ws, token(GOOD))) {
            assertThat(before.framesOfType("welcome")).hasSize(1);
        }
        TestIssuer.rotate(issuer());

        try (TestSocket after = TestSocket.welcomed(vertx, ws, token(GOOD))) {
            assertThat(after.framesOfType("welcome").get(0).get("userId").asText()).isEqualTo("alice");
        }
    }

    private int rejectionStatus(String token) {
        Throwable failure = catchThrowable(() -> TestSocket.asBrowser(vertx, ws, token).close());
        assertThat(failure).as("the upgrade should have been refused").isInstanceOf(ExecutionException.class);
        assertThat(failure.getCause()).isInstanceOf(UpgradeRejectedException.class);
        return ((UpgradeRejectedException) failure.getCause()).getStatus();
    }

    private static String token(String query) {
        return TestIssuer.fetchToken(issuer(), query);
    }

    private static String issuer() {
        return ConfigProvider.getConfig().getValue("BACKCHANNEL_OIDC_ISSUER", String.class);
    }
}
