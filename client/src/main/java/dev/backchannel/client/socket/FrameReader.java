package dev.backchannel.client.socket;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.Problem;
import dev.backchannel.schemas.SchemaValidator;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns socket text into a {@link Frame}: a tolerant reader (contract v2). Fields the contract does
 * not name are ignored, anywhere in the frame; every field it names must still follow its rules
 * ({@link SchemaValidator#tolerant()}). A frame of a type this client does not know (a newer gateway)
 * is ignored with a debug line; one that breaks the contract is logged and dropped. Neither ends the session.
 */
public final class FrameReader {

    private static final System.Logger LOG = System.getLogger(FrameReader.class.getName());
    private static final ObjectMapper TOLERANT = Json.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Set<String> KNOWN_TYPES = knownTypes();

    public Optional<Frame> read(String text) {
        JsonNode json;
        try {
            json = TOLERANT.readTree(text);
        } catch (JsonProcessingException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring a frame that is not JSON: {0}", abbreviate(text));
            return Optional.empty();
        }
        if (json != null && json.path("type").isTextual() && !KNOWN_TYPES.contains(json.get("type").asText())) {
            LOG.log(System.Logger.Level.DEBUG, "ignoring a frame of a type this client does not know: {0}",
                    abbreviate(json.get("type").asText()));
            return Optional.empty();
        }
        List<Problem.FieldError> violations = SchemaValidator.tolerant().violations(MessageSchema.FRAME, json);
        if (!violations.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "ignoring a frame that breaks the contract ({0} violations): {1}",
                    violations.size(), abbreviate(text));
            LOG.log(System.Logger.Level.DEBUG, "violations: {0}", violations);
            return Optional.empty();
        }
        try {
            return Optional.of(TOLERANT.treeToValue(json, Frame.class));
        } catch (JsonProcessingException | RuntimeException unreadable) {
            LOG.log(System.Logger.Level.WARNING, "ignoring an unreadable frame: " + abbreviate(text), unreadable);
            return Optional.empty();
        }
    }

    /** The frame types of the contract, as {@link Frame} names them. */
    private static Set<String> knownTypes() {
        return Arrays.stream(Frame.class.getAnnotation(JsonSubTypes.class).value())
                .map(type -> type.value().getAnnotation(JsonTypeName.class).value())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
