package dev.backchannel.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.api.problem.ApiProblem;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.Problem;
import dev.backchannel.schemas.SchemaValidator;
import java.util.List;

/** Reads a request body as a contract type, refusing it with field errors when the schema does not match. */
public final class RequestBodies {

    private RequestBodies() {
    }

    public static <T> T read(String body, MessageSchema schema, Class<T> type) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (json == null) {
            throw ApiProblem.invalid("The body is not JSON.", List.of(new Problem.FieldError("", "not JSON")));
        }
        List<Problem.FieldError> errors = SchemaValidator.instance().violations(schema, json);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("The body does not match " + schema.file() + ".", errors);
        }
        return Json.mapper().convertValue(json, type);
    }
}
