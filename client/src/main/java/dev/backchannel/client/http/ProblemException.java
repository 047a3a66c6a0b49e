package dev.backchannel.client.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.Problem;
import java.net.http.HttpResponse;

/** A service answered with a status the caller did not expect; carries its RFC 9457 problem. */
public class ProblemException extends RuntimeException {

    private static final ObjectMapper LENIENT = Json.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final transient Problem problem;

    public ProblemException(String message, Problem problem) {
        super(message + ": " + problem.status() + " " + problem.title()
                + (problem.detail() == null ? "" : " (" + problem.detail() + ")"));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    /** The problem in an answer's body, or one made from its status when the body is not one. */
    public static Problem problemOf(HttpResponse<String> response) {
        try {
            Problem problem = LENIENT.readValue(response.body(), Problem.class);
            if (problem.status() == response.statusCode()) {
                return problem;
            }
        } catch (Exception notAProblem) {
            // fall through: an empty or non-JSON body, as some 401s have
        }
        return Problem.of(response.statusCode(), "HTTP " + response.statusCode(), null);
    }
}
