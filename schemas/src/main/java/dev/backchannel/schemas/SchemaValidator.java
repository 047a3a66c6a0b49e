package dev.backchannel.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks JSON against the contract's schemas. Services use it at their edge (a command body is
 * refused with field errors); tests use it on everything a service emits.
 */
public final class SchemaValidator {

    private static final SchemaValidator INSTANCE = new SchemaValidator();

    private final Map<MessageSchema, JsonSchema> schemas = new EnumMap<>(MessageSchema.class);

    private SchemaValidator() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(m -> m.mapPrefix(MessageSchema.BASE_URI, "classpath:schemas/")));
        for (MessageSchema schema : MessageSchema.values()) {
            schemas.put(schema, factory.getSchema(SchemaLocation.of(schema.uri())));
        }
    }

    public static SchemaValidator instance() {
        return INSTANCE;
    }

    /** The violations of {@code json} against {@code schema}; empty when it is valid. */
    public List<Problem.FieldError> violations(MessageSchema schema, JsonNode json) {
        return schemas.get(schema).validate(json).stream()
                .map(SchemaValidator::toFieldError)
                .distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
    }

    public List<Problem.FieldError> violations(MessageSchema schema, String json) {
        try {
            return violations(schema, Json.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            return List.of(new Problem.FieldError("", "not JSON"));
        }
    }

    /** Throws with every violation listed when {@code json} does not match {@code schema}. */
    public void requireValid(MessageSchema schema, String json) {
        List<Problem.FieldError> errors = violations(schema, json);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(schema.file() + " rejects " + json + ": " + errors);
        }
    }

    /** Converts to a Java type after checking the schema; for messages that cross a boundary. */
    public <T> T readValid(MessageSchema schema, String json, Class<T> type) {
        requireValid(schema, json);
        return Json.read(json, type);
    }

    private static Problem.FieldError toFieldError(ValidationMessage message) {
        String path = message.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        String property = message.getProperty();
        boolean namesChild = property != null && ("required".equals(message.getType())
                || "additionalProperties".equals(message.getType()) || "false".equals(message.getType()));
        String field = namesChild ? (path.isEmpty() ? property : path + "." + property) : path;
        return new Problem.FieldError(field, message.getMessage().replaceFirst("^\\$[^:]*: ", ""));
    }
}
