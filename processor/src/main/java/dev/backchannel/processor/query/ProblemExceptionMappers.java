package dev.backchannel.processor.query;

import dev.backchannel.service.identity.UserIdRefused;
import dev.backchannel.service.problem.ProblemMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error answer as RFC 9457 problem+json, in one place ({@link ProblemMapper}); no internals leave the service. */
public class ProblemExceptionMappers {

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e) {
        return ProblemMapper.of(404, "Not Found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response badQuery(BadQueryProblem e) {
        return ProblemMapper.of(400, "Bad Request", e.getMessage());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return ProblemMapper.unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemMapper.forbidden();
    }

    @ServerExceptionMapper
    public Response userIdRefused(UserIdRefused e) {
        return ProblemMapper.userIdRefused();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        return ProblemMapper.framework(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        return ProblemMapper.unexpected(e);
    }
}
