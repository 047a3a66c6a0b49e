package dev.backchannel.service.identity;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who sends this request (a bean of each REST service): the user id in the verified token's configured claim ({@link UserIdClaim}). */
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
