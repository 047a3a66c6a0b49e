package dev.backchannel.client.socket;

import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.Problem;
import dev.backchannel.schemas.SchemaValidator;
import java.util.List;
import java.util.Optional;

/** Turns socket text into a {@link Frame} after checking it against the frame schema; logs and drops the rest. */
public final class FrameReader {

    private static final System.Logger LOG = System.getLogger(FrameReader.class.getName());

    public Optional<Frame> read(String text) {
        List<Problem.FieldError> violations = SchemaValidator.instance().violations(MessageSchema.FRAME, text);
        if (!violations.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "ignoring a frame that breaks the contract ({0} violations): {1}",
                    violations.size(), abbreviate(text));
            LOG.log(System.Logger.Level.DEBUG, "violations: {0}", violations);
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(text, Frame.class));
        } catch (RuntimeException unreadable) {
            LOG.log(System.Logger.Level.WARNING, "ignoring an unreadable frame: " + abbreviate(text), unreadable);
            return Optional.empty();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
