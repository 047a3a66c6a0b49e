package dev.backchannel.api;

import dev.backchannel.api.problem.ApiProblem;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.Problem;
import dev.backchannel.service.messaging.MessageBodies;
import dev.backchannel.service.messaging.UnreadableBody;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads a request body as a contract type, refusing it with field errors when the schema does not match. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The body's text, decoded strictly: a {@code charset} other than UTF-8 in {@code contentType} is a
     * 415, bytes that are not UTF-8 a 400 (never silently replaced).
     */
    public static String text(byte[] body, String contentType) {
        String charset = charsetOf(contentType);
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw ApiProblem.unsupportedCharset(charset);
        }
        if (body == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.invalid("The body is not UTF-8.", List.of(new Problem.FieldError("", "not UTF-8")));
        }
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                return pair[1].trim().replace("\"", "");
            }
        }
        return null;
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
