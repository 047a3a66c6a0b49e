package dev.backchannel.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks JSON against the contract's schemas. Services use it at their edge (a command body is
 * refused with field errors); tests use it on everything a service emits.
 */
public final class SchemaValidator {

    private static final SchemaValidator INSTANCE = new SchemaValidator(false);
    private static final Pattern CLOSED_OBJECT = Pattern.compile("\"additionalProperties\"\\s*:\\s*false");

    private final Map<MessageSchema, JsonSchema> schemas = new EnumMap<>(MessageSchema.class);

    private SchemaValidator(boolean tolerant) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> {
                    if (tolerant) {
                        builder.schemaLoaders(loaders -> loaders.schemas(SchemaValidator::openSchema));
                    } else {
                        builder.schemaMappers(m -> m.mapPrefix(MessageSchema.BASE_URI, "classpath:schemas/"));
                    }
                });
        for (MessageSchema schema : MessageSchema.values()) {
            schemas.put(schema, factory.getSchema(SchemaLocation.of(schema.uri())));
        }
    }

    /** The strict validator: what a producer emits must match the schemas exactly. */
    public static SchemaValidator instance() {
        return INSTANCE;
    }

    /**
     * The tolerant reader's validator (contract v2): the same schemas, but fields they do not name are
     * allowed anywhere ({@code additionalProperties: false} read as {@code true}). Every rule on a field
     * the schemas name still holds.
     */
    public static SchemaValidator tolerant() {
        return Tolerant.INSTANCE;
    }

    private static final class Tolerant {
        private static final SchemaValidator INSTANCE = new SchemaValidator(true);
    }

    /** A schema file of the contract with its objects opened to unknown fields; null for any other IRI. */
    private static String openSchema(String iri) {
        if (!iri.startsWith(MessageSchema.BASE_URI)) {
            return null;
        }
        String resource = "/schemas/" + iri.substring(MessageSchema.BASE_URI.length());
        try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return CLOSED_OBJECT.matcher(text).replaceAll("\"additionalProperties\": true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
