package dev.backchannel.api.problem;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves api-command here, as problem+json without internals. */
public class ApiProblemMapper {

    private static final Logger LOG = Logger.getLogger(ApiProblemMapper.class);

    @ServerExceptionMapper
    public Response decided(ApiProblem problem) {
        Response.ResponseBuilder response = ProblemResponses.of(problem.problem());
        if (problem.retryAfterSeconds() != null) {
            response.header("Retry-After", problem.retryAfterSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class,
        AuthenticationCompletionException.class})
    public Response unauthenticated() {
        return ProblemResponses.unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(403, "Forbidden", "You may not do this.");
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.errorf(e, "request failed with %d", status.getStatusCode());
        }
        return ProblemResponses.of(status.getStatusCode(), status.getReasonPhrase(), publicDetail(status));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure while handling a request", e);
        return ProblemResponses.of(500, "Internal Server Error", "Something went wrong; it is safe to retry.");
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
