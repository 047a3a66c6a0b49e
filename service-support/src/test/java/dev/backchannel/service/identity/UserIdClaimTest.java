package dev.backchannel.service.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class UserIdClaimTest {

    @Test
    void shouldTakeTheUserIdFromTheNamedClaim() {
        JsonWebToken token = token(Map.of("sub", "0f3a-uuid-like", "preferred_username", "alice"));

        assertThat(new UserIdClaim("preferred_username").of(token)).contains("alice");
        assertThat(new UserIdClaim("sub").of(token)).contains("0f3a-uuid-like");
    }

    @Test
    void shouldRefuseAClaimThatIsNotAValidUserId() {
        UserIdClaim email = new UserIdClaim("email");

        assertThat(email.of(token(Map.of("email", "alice@example.com")))).isEmpty();
        assertThat(email.of(token(Map.of("email", "x".repeat(65))))).isEmpty();
        assertThat(email.of(token(Map.of("email", "")))).isEmpty();
        assertThat(email.of(token(Map.of("sub", "alice")))).isEmpty();
        assertThat(email.of(token(Map.of("email", "a.b_c-" + "x".repeat(58))))).isPresent();
        assertThatThrownBy(() -> email.require(token(Map.of("email", "bob smith"))))
                .isInstanceOf(UserIdRefused.class).hasMessageContaining("email");
    }

    @Test
    void shouldReadAJsonStringClaimWithoutItsQuotes() {
        JsonWebToken token = token(Map.of("uid", jakarta.json.Json.createValue("carol")));

        assertThat(new UserIdClaim("uid").of(token)).contains("carol");
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return (String) claims.get("upn");
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }
}
