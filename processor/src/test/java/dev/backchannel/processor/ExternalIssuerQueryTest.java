package dev.backchannel.processor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.backchannel.schemas.Problem;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.OidcTestResource;
import dev.backchannel.testsupport.TestIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The query side configured for an external OIDC issuer (BACKCHANNEL_OIDC_*). */
@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(OidcTestResource.class)
class ExternalIssuerQueryTest {

    private static final String AUDIENCE = "aud=" + OidcTestResource.AUDIENCE;
    private static final String GOOD = AUDIENCE + "&sub=5e0c-uid&claim=" + OidcTestResource.USER_CLAIM + "&value=alice";

    @Test
    void shouldAnswerTheItemsAndCommandStatusWithTheIssuersToken() {
        given().auth().oauth2(token(GOOD)).get("/api/items").then().statusCode(200);
        given().auth().oauth2(token(GOOD)).get("/api/commands/" + Commands.id())
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldRefuseAWrongAudienceIssuerOrExpiryWith401() {
        given().auth().oauth2(token("aud=another-api&claim=preferred_username&value=alice")).get("/api/items")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(token(GOOD + "&iss=https://elsewhere.example")).get("/api/items")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(token(GOOD + "&ttl=-300")).get("/api/items")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldRefuseAUserClaimThatIsNotAUserIdWith403() {
        given().auth().oauth2(token(AUDIENCE + "&claim=preferred_username&value=" + "x".repeat(65)))
                .get("/api/items").then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("user id"));
        given().auth().oauth2(token(AUDIENCE + "&claim=preferred_username&value=a/b"))
                .get("/api/commands/" + Commands.id()).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldAcceptTokensSignedWithTheIssuersNewKeyAfterARotation() {
        given().auth().oauth2(token(GOOD)).get("/api/items").then().statusCode(200);
        TestIssuer.rotate(issuer());

        given().auth().oauth2(token(GOOD)).get("/api/items").then().statusCode(200);
    }

    private static String token(String query) {
        return TestIssuer.fetchToken(issuer(), query);
    }

    private static String issuer() {
        return ConfigProvider.getConfig().getValue("BACKCHANNEL_OIDC_ISSUER", String.class);
    }
}
