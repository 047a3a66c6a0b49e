package dev.backchannel.api.problem;

import dev.backchannel.api.commands.CommandMetrics;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves api-command here, as problem+json without internals. An error answer to
 * {@code POST /api/commands} is counted here, once, by reason ({@link CommandMetrics}).
 */
public class ApiProblemMapper {

    private static final Logger LOG = Logger.getLogger(ApiProblemMapper.class);
    private static final String COMMANDS_PATH = "/api/commands";

    private final CommandMetrics metrics;

    ApiProblemMapper(CommandMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerExceptionMapper
    public Response decided(ApiProblem problem, HttpServerRequest request) {
        count(request, problem.reason());
        Response.ResponseBuilder response = ProblemResponses.of(problem.problem());
        if (problem.retryAfterSeconds() != null) {
            response.header("Retry-After", problem.retryAfterSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class,
        AuthenticationCompletionException.class})
    public Response unauthenticated(HttpServerRequest request) {
        count(request, "unauthorized");
        return ProblemResponses.unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        count(request, "forbidden");
        return ProblemResponses.of(403, "Forbidden", "You may not do this.");
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, HttpServerRequest request) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        count(request, reasonOf(status.getStatusCode()));
        if (status.getStatusCode() >= 500) {
            LOG.errorf(e, "request failed with %d", status.getStatusCode());
        }
        return ProblemResponses.of(status.getStatusCode(), status.getReasonPhrase(), publicDetail(status));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpServerRequest request) {
        count(request, "internal_error");
        LOG.error("unexpected failure while handling a request", e);
        return ProblemResponses.of(500, "Internal Server Error", "Something went wrong; it is safe to retry.");
    }

    private void count(HttpServerRequest request, String reason) {
        if (request != null && COMMANDS_PATH.equals(request.path())) {
            metrics.refused(reason);
        }
    }

    private static String reasonOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "other";
        };
    }

    private static String publicDetail(Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address answers application/json only.";
            case 415 -> "The body must be application/json.";
            default -> status.getReasonPhrase();
        };
    }
}
