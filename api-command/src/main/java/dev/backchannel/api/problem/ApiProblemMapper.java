package dev.backchannel.api.problem;

import dev.backchannel.service.identity.UserIdRefused;
import dev.backchannel.service.problem.ProblemMapper;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves api-command here, as problem+json without internals. An error answer to
 * {@code POST /api/commands} is counted here, once, by reason ({@link Refusals}).
 */
public class ApiProblemMapper {

    private static final String COMMANDS_PATH = "/api/commands";

    private final Refusals refusals;

    ApiProblemMapper(Refusals refusals) {
        this.refusals = refusals;
    }

    @ServerExceptionMapper
    public Response decided(ApiProblem problem, HttpServerRequest request) {
        count(request, problem.reason());
        Response.ResponseBuilder response = ProblemMapper.of(problem.problem());
        if (problem.retryAfterSeconds() != null) {
            response.header("Retry-After", problem.retryAfterSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class,
        AuthenticationCompletionException.class})
    public Response unauthenticated(HttpServerRequest request) {
        count(request, "unauthorized");
        return ProblemMapper.unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        count(request, "forbidden");
        return ProblemMapper.forbidden();
    }

    @ServerExceptionMapper
    public Response userIdRefused(UserIdRefused e, HttpServerRequest request) {
        count(request, "forbidden");
        return ProblemMapper.userIdRefused();
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, HttpServerRequest request) {
        count(request, reasonOf(e.getResponse().getStatus()));
        return ProblemMapper.framework(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpServerRequest request) {
        count(request, "internal_error");
        return ProblemMapper.unexpected(e);
    }

    private void count(HttpServerRequest request, String reason) {
        if (request != null && COMMANDS_PATH.equals(request.path())) {
            refusals.refused(reason);
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
}
