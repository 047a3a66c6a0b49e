package dev.backchannel.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Minting names cannot get around the per-user limits: demo sessions are limited per client address. */
@QuarkusTest
@TestProfile(SessionMintingLimitTest.FewSessions.class)
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class SessionMintingLimitTest {

    public static class FewSessions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backchannel.api.rate-limit.sessions-per-minute", "6",
                    "backchannel.api.rate-limit.sessions-burst", "3");
        }
    }

    @Test
    void shouldRefuseTheSessionsOfOneAddressBeyondItsBurstWith429AndRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().contentType("application/json").body("{\"userId\":\"mint-" + i + "\"}").post("/api/sessions")
                    .then().statusCode(201);
        }
        Response refused = given().contentType("application/json").body("{\"userId\":\"mint-9\"}")
                .post("/api/sessions");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        SchemaValidator.instance().requireValid(MessageSchema.PROBLEM, refused.asString());
    }
}
