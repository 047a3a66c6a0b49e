package dev.backchannel.api;

import static dev.backchannel.api.Requests.createBody;
import static dev.backchannel.api.Requests.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.testsupport.BrokerTestResource;
import dev.backchannel.testsupport.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(BrokerTestResource.class)
@WithTestResource(JwtTestResource.class)
class SessionResourceTest {

    @Test
    void shouldIssueATokenThatTheCommandApiAccepts() {
        Response session = valid(given().contentType("application/json").body("{\"userId\":\"alice.b-1_x\"}")
                .post("/api/sessions"), MessageSchema.SESSION);

        assertThat(session.statusCode()).isEqualTo(201);
        assertThat(Instant.parse(session.jsonPath().getString("expiresAt"))).isAfter(Instant.now());
        Response command = given().auth().oauth2(session.jsonPath().getString("token"))
                .contentType("application/json").body(createBody(UUID.randomUUID().toString(), "Hello"))
                .post("/api/commands");
        assertThat(command.statusCode()).isEqualTo(202);
    }

    @Test
    void shouldRefuseAUserNameOutsideTheAllowedCharacters() {
        Response response = valid(given().contentType("application/json").body("{\"userId\":\"al ice!\"}")
                .post("/api/sessions"), MessageSchema.PROBLEM);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getList("errors.field")).containsExactly("userId");
    }
}
