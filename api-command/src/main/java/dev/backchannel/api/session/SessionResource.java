package dev.backchannel.api.session;

import dev.backchannel.api.RequestBodies;
import dev.backchannel.api.config.ApiConfig;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SessionRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /api/sessions}: a signed token for a user name of one's choosing (demo only). */
@Path("/api/sessions")
@PermitAll
public class SessionResource {

    private final TokenIssuer issuer;
    private final boolean enabled;

    SessionResource(TokenIssuer issuer, ApiConfig config) {
        this.issuer = issuer;
        this.enabled = config.demoSignin();
    }

    /** 404 unless the demo sign-in is on ({@code BACKCHANNEL_DEMO_SIGNIN=true}): production signs in at its OIDC issuer. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        if (!enabled) {
            throw new NotFoundException();
        }
        SessionRequest request = RequestBodies.read(body, MessageSchema.SESSION_REQUEST, SessionRequest.class);
        return Response.status(Response.Status.CREATED).entity(issuer.issue(request.userId())).build();
    }
}
