package dev.backchannel.api.problem;

import dev.backchannel.schemas.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds the one shape every error answer has: RFC 9457 problem+json. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response.ResponseBuilder of(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    static Response of(int status, String title, String detail) {
        return of(Problem.of(status, title, detail)).build();
    }

    static Response unauthorized() {
        return of(Problem.of(401, "Unauthorized", "A valid bearer token is required."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
