package dev.backchannel.service.identity;

import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which claim of a verified token names the user, and whether its value is a user id the contract
 * allows (1-64 characters of {@code [A-Za-z0-9._-]}). The claim is {@code backchannel.oidc.user-claim}
 * (environment {@code BACKCHANNEL_OIDC_USER_CLAIM}), {@code sub} by default: the demo identity
 * provider puts the user id there, an external issuer names its own claim. A token whose claim is
 * missing or not a valid user id is refused at the edge ({@link UserIdRefused}, 403), so nothing
 * downstream ever sees such a user.
 */
public final class UserIdClaim {

    /** The configuration key; every service reads the same one. */
    public static final String KEY = "backchannel.oidc.user-claim";
    public static final String DEFAULT_CLAIM = "sub";

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String claim;

    public UserIdClaim(String claim) {
        if (claim == null || claim.isBlank()) {
            throw new IllegalArgumentException("the user claim must be named");
        }
        this.claim = claim;
    }

    /** The claim this service is configured with. */
    public static UserIdClaim configured() {
        return new UserIdClaim(ConfigProvider.getConfig().getOptionalValue(KEY, String.class).orElse(DEFAULT_CLAIM));
    }

    public String claim() {
        return claim;
    }

    /** The user id the token names, when it is a valid one. */
    public Optional<String> of(JsonWebToken token) {
        Object value = token == null ? null : token.getClaim(claim);
        String text = value == null ? null : value.toString();
        if (value instanceof jakarta.json.JsonString json) {
            text = json.getString();
        }
        return text != null && USER_ID.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }

    /** The user id the token names; {@link UserIdRefused} when it names none or an invalid one. */
    public String require(JsonWebToken token) {
        return of(token).orElseThrow(() -> new UserIdRefused(claim));
    }
}
