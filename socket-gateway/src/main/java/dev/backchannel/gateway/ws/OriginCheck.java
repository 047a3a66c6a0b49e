package dev.backchannel.gateway.ws;

import dev.backchannel.gateway.metrics.GatewayMetrics;
import dev.backchannel.gateway.config.GatewayConfig;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Refuses, with 403, a websocket upgrade whose {@code Origin} is not allowed
 * ({@link GatewayConfig#allowedOrigins()}): a page on another site must not open sockets with a
 * visitor's token. An upgrade without {@code Origin} is not from a browser and is allowed.
 */
@ApplicationScoped
public class OriginCheck implements HttpUpgradeCheck {

    static final String SELF = "self";
    static final String ANY = "*";
    private static final Logger LOG = Logger.getLogger(OriginCheck.class);

    private final List<String> allowed;
    private final GatewayMetrics metrics;

    public OriginCheck(GatewayConfig config, GatewayMetrics metrics) {
        this.allowed = config.allowedOrigins().stream().map(o -> o.trim().toLowerCase(Locale.ROOT)).toList();
        this.metrics = metrics;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || isAllowed(origin, request.getHeader(HttpHeaders.HOST))) {
            return CheckResult.permitUpgrade();
        }
        metrics.limitEnforced("origin");
        LOG.debugf("refused a websocket upgrade from origin %s", origin);
        return CheckResult.rejectUpgrade(403);
    }

    boolean isAllowed(String origin, String host) {
        String normalised = origin.trim().toLowerCase(Locale.ROOT);
        if (allowed.contains(ANY) || allowed.contains(normalised)) {
            return true;
        }
        return allowed.contains(SELF) && host != null && host.equalsIgnoreCase(authorityOf(normalised));
    }

    private static String authorityOf(String origin) {
        try {
            return URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
