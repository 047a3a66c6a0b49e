package dev.backchannel.api;

import static io.restassured.RestAssured.given;

import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.testsupport.TestTokens;
import io.restassured.response.Response;
import java.util.UUID;

/** Requests the tests send, and a check that every JSON api-command answers matches its schema. */
final class Requests {

    private Requests() {
    }

    static String createBody(String commandId, String title) {
        return """
                {"commandId":"%s","type":"item.create","entityId":"%s","data":{"title":"%s","status":"todo"}}
                """.formatted(commandId, UUID.randomUUID(), title);
    }

    static Response postCommand(String userId, String body) {
        return given().auth().oauth2(TestTokens.forUser(userId)).contentType("application/json").body(body)
                .post("/api/commands");
    }

    /** The body parsed after checking it against {@code schema}. */
    static Response valid(Response response, MessageSchema schema) {
        SchemaValidator.instance().requireValid(schema, response.asString());
        return response;
    }
}
