package dev.backchannel.service.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.schemas.Problem;
import java.util.List;

/** A body that is not the message its schema describes. The message says why, for a log line. */
public final class UnreadableBody extends RuntimeException {

    private final String text;
    private final transient JsonNode json;
    private final transient List<Problem.FieldError> violations;

    UnreadableBody(String reason, String text, JsonNode json, List<Problem.FieldError> violations) {
        super(reason, null, false, false);
        this.text = text;
        this.json = json;
        this.violations = List.copyOf(violations);
    }

    /** The body as text, as received; null when it had none. */
    public String text() {
        return text;
    }

    /** The body as JSON when it was JSON, else null: to name the ids of a message that failed its schema. */
    public JsonNode json() {
        return json;
    }

    /** What did not match the schema, by field; empty when the body was not JSON at all. */
    public List<Problem.FieldError> violations() {
        return violations;
    }
}
