package dev.backchannel.gateway.ws;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Guards the upgrade of {@code /ws} against token-carrier subprotocols WebSockets Next cannot take:
 * an offer of {@code quarkus-http-upgrade#Authorization#Bearer%20<token>} alone (no
 * {@code backchannel.v1}/{@code v2} next to it) or one that does not decode. WebSockets Next answers
 * those with 500 and an ERROR with its stack trace; here, before it sees them (a higher filter
 * priority than its header propagation, 220), an undecodable carrier is refused with 401, and a carrier
 * offered alone becomes its header (as WebSockets Next does it) with no subprotocol left to answer, so
 * the endpoint's {@code @Authenticated} refuses a bad or missing token with 401.
 */
@ApplicationScoped
public class TokenCarrierFilter {

    static final String CARRIER_PREFIX = "quarkus-http-upgrade";
    private static final String SOCKET_PATH = "/ws";
    private static final String SUBPROTOCOLS = "Sec-WebSocket-Protocol";
    private static final Logger LOG = Logger.getLogger(TokenCarrierFilter.class);
    /** Runs before WebSockets Next's header propagation (priority 220). */
    private static final int PRIORITY = 230;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        MultiMap headers = context.request().headers();
        String offered = headers.get(SUBPROTOCOLS);
        if (offered == null || !offered.contains(CARRIER_PREFIX)
                || !SOCKET_PATH.equals(context.normalizedPath())) {
            context.next();
            return;
        }
        List<String[]> carried = new ArrayList<>();
        boolean speaksOther = false;
        for (String entry : offered.split(",")) {
            String protocol = entry.trim();
            if (!protocol.startsWith(CARRIER_PREFIX)) {
                speaksOther |= !protocol.isEmpty();
                continue;
            }
            String[] header = decode(protocol);
            if (header == null) {
                refuse(context, "a token subprotocol that does not decode");
                return;
            }
            carried.add(header);
        }
        if (!speaksOther) {
            // nothing for WebSockets Next to answer: carry the header ourselves, offer no subprotocol
            headers.remove(SUBPROTOCOLS);
            carried.forEach(header -> headers.add(header[0], header[1]));
        }
        context.next();
    }

    /** {@code quarkus-http-upgrade#<name>#<url-encoded value>} as {name, value}, or null. */
    private static String[] decode(String protocol) {
        String decoded;
        try {
            decoded = URLDecoder.decode(protocol, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        String[] parts = decoded.split("#", 3);
        return parts.length == 3 && !parts[1].isBlank() ? new String[] {parts[1], parts[2]} : null;
    }

    private static void refuse(RoutingContext context, String why) {
        LOG.debugf("refused a websocket upgrade with 401: %s", why);
        context.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer").end();
    }
}
