package dev.backchannel.api;

import static dev.backchannel.api.Requests.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import dev.backchannel.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ChaosEditorsTest.OnlyAlice.class)
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class ChaosEditorsTest {

    public static class OnlyAlice implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("BACKCHANNEL_CHAOS_EDITORS", "alice");
        }
    }

    @Test
    void shouldLetOnlyTheNamedUsersChangeTheFlags() {
        assertThat(valid(Chaos.put("bob", Json.write(Chaos.CALM)), MessageSchema.PROBLEM).statusCode())
                .isEqualTo(403);
        assertThat(Chaos.put("alice", Json.write(Chaos.CALM)).statusCode()).isEqualTo(200);
        assertThat(given().auth().oauth2(TestTokens.forUser("bob")).get("/api/chaos").statusCode()).isEqualTo(200);
    }
}
