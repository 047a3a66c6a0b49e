package dev.backchannel.api;

import static dev.backchannel.api.Requests.createBody;
import static dev.backchannel.api.Requests.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.OidcTestResource;
import dev.backchannel.testsupport.TestIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** api-command configured for an external OIDC issuer (BACKCHANNEL_OIDC_*), with the demo sign-in off. */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(OidcTestResource.class)
class ExternalIssuerTest {

    private static final String GOOD = "aud=" + OidcTestResource.AUDIENCE + "&sub=7c1d0e0a-uid&claim="
            + OidcTestResource.USER_CLAIM + "&value=alice";

    @Test
    void shouldAnswer404ToTheDemoSignInWhenItIsOff() {
        Response response = valid(given().contentType("application/json").body("{\"userId\":\"alice\"}")
                .post("/api/sessions"), MessageSchema.PROBLEM);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void shouldAcceptACommandWithTheIssuersTokenAsTheUserOfTheConfiguredClaim() {
        Response response = post(token(GOOD));

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void shouldRefuseAWrongAudienceIssuerOrExpiryWith401() {
        assertThat(post(token("aud=someone-else&claim=preferred_username&value=alice")).statusCode()).isEqualTo(401);
        assertThat(post(token("claim=preferred_username&value=alice")).statusCode()).isEqualTo(401);
        assertThat(post(token(GOOD + "&iss=https://elsewhere.example")).statusCode()).isEqualTo(401);
        Response expired = valid(post(token(GOOD + "&ttl=-300")), MessageSchema.PROBLEM);
        assertThat(expired.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseAUserClaimThatIsNotAUserIdWith403() {
        Response spaces = valid(post(token("aud=" + OidcTestResource.AUDIENCE
                + "&claim=preferred_username&value=alice%20smith")), MessageSchema.PROBLEM);
        Response missing = post(token("aud=" + OidcTestResource.AUDIENCE + "&sub=alice"));

        assertThat(spaces.statusCode()).isEqualTo(403);
        assertThat(spaces.jsonPath().getString("detail")).contains("user id");
        assertThat(missing.statusCode()).isEqualTo(403);
    }

    @Test
    void shouldAcceptTokensSignedWithTheIssuersNewKeyAfterARotation() {
        assertThat(post(token(GOOD)).statusCode()).isEqualTo(202);
        TestIssuer.rotate(issuer());

        assertThat(post(token(GOOD)).statusCode()).isEqualTo(202);
    }

    private static Response post(String token) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(createBody(UUID.randomUUID().toString(), "From the issuer")).post("/api/commands");
    }

    private static String token(String query) {
        return TestIssuer.fetchToken(issuer(), query);
    }

    private static String issuer() {
        return ConfigProvider.getConfig().getValue("BACKCHANNEL_OIDC_ISSUER", String.class);
    }
}
