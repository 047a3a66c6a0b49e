package dev.backchannel.gateway.ws;

import dev.backchannel.gateway.routing.ClientSocket;
import dev.backchannel.gateway.routing.ServerClose;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token is checked at the upgrade and again when it expires: a Vert.x timer set to the token's
 * {@code exp} closes the socket with {@code CloseCodes.TOKEN_EXPIRED} (the client fetches a new token,
 * reconnects and resumes). The timer is cancelled when the socket closes first.
 */
@ApplicationScoped
public class TokenExpiry {

    private final Vertx vertx;

    public TokenExpiry(Vertx vertx) {
        this.vertx = vertx;
    }

    void closeAtExpiry(ClientSocket socket, Principal principal) {
        if (!(principal instanceof JsonWebToken token) || token.getExpirationTime() <= 0) {
            return;
        }
        long delay = token.getExpirationTime() * 1000 - System.currentTimeMillis();
        long timer = vertx.setTimer(Math.max(1, delay), id -> socket.close(ServerClose.TOKEN_EXPIRED));
        socket.onClosed(() -> vertx.cancelTimer(timer));
    }

}
