package dev.backchannel.api.session;

import dev.backchannel.api.RequestBodies;
import dev.backchannel.api.config.ApiConfig;
import dev.backchannel.api.limits.RateLimits;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SessionRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /api/sessions}: a signed token for a user name of one's choosing (demo only). */
@Path("/api/sessions")
@PermitAll
public class SessionResource {

    private final TokenIssuer issuer;
    private final RateLimits limits;
    private final boolean enabled;

    SessionResource(TokenIssuer issuer, RateLimits limits, ApiConfig config) {
        this.issuer = issuer;
        this.limits = limits;
        this.enabled = config.demoSignin();
    }

    /** 404 unless the demo sign-in is on ({@code BACKCHANNEL_DEMO_SIGNIN=true}): production signs in at its OIDC issuer. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context HttpServerRequest http) {
        if (!enabled) {
            throw new NotFoundException();
        }
        // per client address, so that minting names does not get around the per-user limits
        limits.session(http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        SessionRequest request = RequestBodies.read(RequestBodies.text(body, contentType),
                MessageSchema.SESSION_REQUEST, SessionRequest.class);
        return Response.status(Response.Status.CREATED).entity(issuer.issue(request.userId())).build();
    }
}
