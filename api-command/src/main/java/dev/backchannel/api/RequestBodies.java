package dev.backchannel.api;

import dev.backchannel.api.problem.ApiProblem;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.Problem;
import dev.backchannel.service.messaging.MessageBodies;
import dev.backchannel.service.messaging.UnreadableBody;
import java.util.List;

/** Reads a request body as a contract type, refusing it with field errors when the schema does not match. */
public final class RequestBodies {

    private RequestBodies() {
    }

    public static <T> T read(String body, MessageSchema schema, Class<T> type) {
        try {
            return MessageBodies.read(body, schema, type);
        } catch (UnreadableBody unreadable) {
            if (unreadable.violations().isEmpty()) {
                throw ApiProblem.invalid("The body is not JSON.", List.of(new Problem.FieldError("", "not JSON")));
            }
            throw ApiProblem.invalid("The body does not match " + schema.file() + ".", unreadable.violations());
        }
    }
}
