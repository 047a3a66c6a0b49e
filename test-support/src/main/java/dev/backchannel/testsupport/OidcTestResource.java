package dev.backchannel.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link TestIssuer} and configures the service the way production does, through the
 * contract's keys: {@code BACKCHANNEL_DEMO_SIGNIN=false}, {@code BACKCHANNEL_OIDC_ISSUER},
 * {@code _JWKS_URL}, {@code _AUDIENCE} ({@value #AUDIENCE}) and {@code _USER_CLAIM}
 * ({@value #USER_CLAIM}). A test mints tokens with {@link TestIssuer#fetchToken} at
 * {@code BACKCHANNEL_OIDC_ISSUER} (read it from the test's configuration).
 */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String AUDIENCE = "backchannel-test";
    public static final String USER_CLAIM = "preferred_username";

    private TestIssuer issuer;

    @Override
    public Map<String, String> start() {
        issuer = TestIssuer.start();
        return Map.of(
                "BACKCHANNEL_DEMO_SIGNIN", "false",
                "BACKCHANNEL_OIDC_ISSUER", issuer.issuer(),
                "BACKCHANNEL_OIDC_JWKS_URL", issuer.jwksUrl(),
                "BACKCHANNEL_OIDC_AUDIENCE", AUDIENCE,
                "BACKCHANNEL_OIDC_USER_CLAIM", USER_CLAIM);
    }

    @Override
    public void stop() {
        if (issuer != null) {
            issuer.close();
        }
    }
}
