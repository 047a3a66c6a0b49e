package dev.backchannel.api.session;

import dev.backchannel.api.config.ApiConfig;
import dev.backchannel.schemas.Session;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The demo identity provider: anyone may pick a name, and gets a token signed with the private key
 * under {@code smallrye.jwt.sign.key.location}. Every service verifies it with the public key.
 */
@ApplicationScoped
public class TokenIssuer {

    private final ApiConfig config;
    private final Clock clock;

    TokenIssuer(ApiConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    public Session issue(String userId) {
        Instant expiresAt = clock.instant().plus(config.sessionLifespan()).truncatedTo(ChronoUnit.SECONDS);
        String token = Jwt.upn(userId)
                .subject(userId)
                .groups(Set.of("user"))
                .expiresAt(expiresAt)
                .sign();
        return new Session(userId, token, expiresAt);
    }
}
