package dev.backchannel.service.problem;

import dev.backchannel.schemas.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * Every error answer of a service as RFC 9457 problem+json, worded once. What a client reads is
 * short and written here: never a framework's message, an exception's text or a stack trace. A
 * service's {@code *ExceptionMapper} decides which of these an exception gets and adds its own
 * (counting, its domain's problems).
 */
public final class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private ProblemMapper() {
    }

    /** The answer for a problem the service decided on. */
    public static Response.ResponseBuilder of(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    public static Response of(int status, String title, String detail) {
        return of(Problem.of(status, title, detail)).build();
    }

    /** 401 with {@code WWW-Authenticate: Bearer}: no token, or one that is expired, tampered or unsigned. */
    public static Response unauthenticated() {
        return of(Problem.of(401, "Unauthorized", "A valid bearer token is required."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** 403: the caller is known but may not do this. */
    public static Response forbidden() {
        return of(403, "Forbidden", "You may not do this.");
    }

    /** 403: the token is valid, but its user claim is not a user id (1-64 characters of {@code [A-Za-z0-9._-]}). */
    public static Response userIdRefused() {
        return of(403, "Forbidden", "The token does not name a valid user id.");
    }

    /** An error the HTTP framework decided (404, 405, 415 ...), with our wording for its status. */
    public static Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request failed with %d", status);
        }
        return of(status, title(e.getResponse().getStatusInfo(), status), detail(status));
    }

    /** A failure nobody decided on: logged here, once, with its stack trace; the client learns only that. */
    public static Response unexpected(Throwable e) {
        LOG.error("unexpected failure while handling a request", e);
        return of(500, "Internal Server Error", "Something went wrong; it is safe to retry.");
    }

    private static String title(Response.StatusType info, int status) {
        if (info != null && info.getReasonPhrase() != null) {
            return info.getReasonPhrase();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is not one this address understands.";
            case 401 -> "A valid bearer token is required.";
            case 403 -> "You may not do this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address answers application/json only.";
            case 413 -> "The body is too large.";
            case 415 -> "The body must be application/json.";
            default -> status >= 500 ? "Something went wrong; it is safe to retry." : "The request was refused.";
        };
    }
}
