package dev.backchannel.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a service's token verification (and signing, for the identity provider) at {@link TestKeys}. */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestKeys.ensure();
        return Map.of(
                "mp.jwt.verify.publickey.location", TestKeys.PUBLIC_KEY.toUri().toString(),
                "smallrye.jwt.sign.key.location", TestKeys.PRIVATE_KEY.toUri().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // the keys stay under target/ for the next test class of this module
    }
}
