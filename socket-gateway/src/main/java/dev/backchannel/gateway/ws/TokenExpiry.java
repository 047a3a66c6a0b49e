package dev.backchannel.gateway.ws;

import dev.backchannel.gateway.config.GatewayConfig;
import dev.backchannel.gateway.routing.ClientSocket;
import dev.backchannel.gateway.routing.FrameText;
import dev.backchannel.gateway.routing.ServerClose;
import dev.backchannel.schemas.Frame;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token is checked at the upgrade and again when it expires: a Vert.x timer set to the token's
 * {@code exp} closes the socket with {@code CloseCodes.TOKEN_EXPIRED}. A {@code backchannel.v2}
 * socket is warned first ({@code token.expiring}, {@code backchannel.gateway.token-warning} before)
 * and may send {@code token.refresh}: a valid token of the same user moves the deadline
 * ({@code token.refreshed}); another user's or an invalid token gets {@code error bad_token} and the
 * old deadline stays. The timers are cancelled when the socket closes first.
 */
@ApplicationScoped
public class TokenExpiry {

    static final String BAD_TOKEN = "bad_token";

    private final Vertx vertx;
    private final JWTParser parser;
    private final Duration warning;
    private final Map<String, Deadline> deadlines = new ConcurrentHashMap<>();

    private final UserIdCheck userIds;

    public TokenExpiry(Vertx vertx, JWTParser parser, GatewayConfig config, UserIdCheck userIds) {
        this.vertx = vertx;
        this.parser = parser;
        this.userIds = userIds;
        this.warning = config.tokenWarning();
    }

    /** The close (and, for v2, warning) timers of one socket's current token. */
    private record Deadline(Instant expiresAt, long closeTimer, long warnTimer) {
    }

    void closeAtExpiry(ClientSocket socket, Principal principal) {
        if (!(principal instanceof JsonWebToken token) || token.getExpirationTime() <= 0) {
            return;
        }
        schedule(socket, Instant.ofEpochSecond(token.getExpirationTime()));
        socket.onClosed(() -> cancel(deadlines.remove(socket.id())));
    }

    /** Answers {@code token.refresh}: {@code token.refreshed}, or {@code error bad_token} (deadline kept). */
    Frame refresh(ClientSocket socket, String token) {
        JsonWebToken parsed;
        try {
            parsed = parser.parse(token);
        } catch (ParseException | RuntimeException invalid) {
            return new Frame.Error(BAD_TOKEN, "token not valid (signature, issuer or expiry): the socket keeps its old one");
        }
        // the user id is read from the token as at the upgrade (the configured user claim)
        if (!userIds.userId(parsed).map(socket.userId()::equals).orElse(false)) {
            return new Frame.Error(BAD_TOKEN, "token is for another user: the socket keeps its old one");
        }
        Instant expiresAt = Instant.ofEpochSecond(parsed.getExpirationTime());
        schedule(socket, expiresAt);
        return new Frame.TokenRefreshed(expiresAt);
    }

    private synchronized void schedule(ClientSocket socket, Instant expiresAt) {
        long now = System.currentTimeMillis();
        long untilExpiry = Math.max(1, expiresAt.toEpochMilli() - now);
        long closeTimer = vertx.setTimer(untilExpiry, id -> socket.close(ServerClose.TOKEN_EXPIRED));
        long warnTimer = socket.speaksV2()
                ? vertx.setTimer(Math.max(1, untilExpiry - warning.toMillis()),
                        id -> socket.offer(FrameText.of(new Frame.TokenExpiring(expiresAt))))
                : -1;
        cancel(deadlines.put(socket.id(), new Deadline(expiresAt, closeTimer, warnTimer)));
        if (!socket.isOpen()) {
            cancel(deadlines.remove(socket.id()));
        }
    }

    private void cancel(Deadline deadline) {
        if (deadline != null) {
            vertx.cancelTimer(deadline.closeTimer());
            if (deadline.warnTimer() >= 0) {
                vertx.cancelTimer(deadline.warnTimer());
            }
        }
    }
}
