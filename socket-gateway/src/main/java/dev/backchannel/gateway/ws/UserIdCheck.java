package dev.backchannel.gateway.ws;

import dev.backchannel.gateway.metrics.GatewayMetrics;
import dev.backchannel.service.identity.UserIdClaim;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Refuses, with 403, the upgrade of a socket whose verified token does not name a valid user id in
 * the configured claim ({@link UserIdClaim}, {@code BACKCHANNEL_OIDC_USER_CLAIM}). No token or an
 * invalid one passes here and is refused with 401 by the endpoint's {@code @Authenticated}.
 */
@ApplicationScoped
public class UserIdCheck implements HttpUpgradeCheck {

    private static final Logger LOG = Logger.getLogger(UserIdCheck.class);

    private final UserIdClaim claim = UserIdClaim.configured();
    private final GatewayMetrics metrics;

    public UserIdCheck(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return context.securityIdentity()
                .map(identity -> isRefused(identity) ? refuse() : CheckResult.permitUpgradeSync())
                .onFailure().recoverWithItem(CheckResult.permitUpgradeSync());
    }

    /** The user id of the socket's verified token (checked at the upgrade). */
    public Optional<String> userId(Principal principal) {
        return principal instanceof JsonWebToken token ? claim.of(token) : Optional.empty();
    }

    private boolean isRefused(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous() && userId(identity.getPrincipal()).isEmpty();
    }

    private CheckResult refuse() {
        metrics.limitEnforced("user-id");
        LOG.debugf("refused a websocket upgrade: the token's %s claim is not a valid user id", claim.claim());
        return CheckResult.rejectUpgradeSync(403);
    }
}
