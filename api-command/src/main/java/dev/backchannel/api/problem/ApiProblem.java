package dev.backchannel.api.problem;

import dev.backchannel.schemas.Problem;
import java.util.List;

/** An error answer decided by api-command; turned into problem+json once, by {@link ApiProblemMapper}. */
public class ApiProblem extends RuntimeException {

    private final transient Problem problem;
    private final Integer retryAfterSeconds;
    private final String reason;

    private ApiProblem(String reason, Problem problem, Integer retryAfterSeconds) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
        this.reason = reason;
    }

    public Problem problem() {
        return problem;
    }

    /** Seconds for the {@code Retry-After} header, or null for none. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Why, as the {@code reason} tag of {@code backchannel_commands_refused_total}. */
    public String reason() {
        return reason;
    }

    public static ApiProblem invalid(String detail, List<Problem.FieldError> errors) {
        return new ApiProblem("bad_request", Problem.invalid(detail, errors), null);
    }

    public static ApiProblem tooLarge(int limit) {
        return new ApiProblem("too_large",
                Problem.of(413, "Content Too Large", "The body is larger than " + limit + " bytes."), null);
    }

    public static ApiProblem reusedCommandId(String commandId) {
        return new ApiProblem("reused_command_id", Problem.of(422, "Unprocessable Content", "Command " + commandId
                + " was already sent with a different body; use a new commandId for a new command."), null);
    }

    public static ApiProblem tooManyRequests(int retryAfterSeconds) {
        return new ApiProblem("rate_limited", Problem.of(429, "Too Many Requests",
                "You are sending commands faster than allowed; retry after " + retryAfterSeconds + " s."),
                retryAfterSeconds);
    }

    public static ApiProblem tooManySessions(int retryAfterSeconds) {
        return new ApiProblem("sessions_rate_limited", Problem.of(429, "Too Many Requests",
                "Too many sessions from this address; retry after " + retryAfterSeconds + " s."), retryAfterSeconds);
    }

    public static ApiProblem unsupportedCharset(String charset) {
        return new ApiProblem("unsupported_charset", Problem.of(415, "Unsupported Media Type",
                "The body must be UTF-8 JSON (Content-Type: application/json; charset=utf-8), not " + charset + "."),
                null);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem("not_found", Problem.of(404, "Not Found", detail), null);
    }

    public static ApiProblem injected() {
        return new ApiProblem("chaos", Problem.of(500, "Internal Server Error",
                "Injected failure (chaos apiErrorRate); retry with the same commandId."), null);
    }

    public static ApiProblem unavailable(int retryAfterSeconds) {
        return new ApiProblem("unavailable", Problem.of(503, "Service Unavailable",
                "The command could not be queued right now; retry with the same commandId."), retryAfterSeconds);
    }
}
