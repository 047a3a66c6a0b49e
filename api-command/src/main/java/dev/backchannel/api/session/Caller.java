package dev.backchannel.api.session;

import dev.backchannel.service.identity.UserIdClaim;
import dev.backchannel.service.identity.UserIdRefused;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who sends this request: the user id in the verified token's configured claim ({@link UserIdClaim}). */
@ApplicationScoped
public class Caller {

    private final JsonWebToken token;
    private final UserIdClaim claim;

    Caller(JsonWebToken token) {
        this.token = token;
        this.claim = UserIdClaim.configured();
    }

    /** The caller's user id; {@link UserIdRefused} (403) when the token names none that is valid. */
    public String userId() {
        return claim.require(token);
    }
}
