package dev.backchannel.gateway.lifecycle;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start when the socket ping interval is not below the HTTP idle timeout: pings are what
 * keeps a quiet socket's connection from being cut off as idle ({@code BACKCHANNEL_WS_PING_INTERVAL} <
 * {@code BACKCHANNEL_HTTP_IDLE_TIMEOUT}). Without pings (unset interval) every quiet socket would be cut.
 */
@ApplicationScoped
public class PingInterval {

    private final Optional<Duration> pingInterval;
    private final Duration idleTimeout;

    public PingInterval(@ConfigProperty(name = "quarkus.websockets-next.server.auto-ping-interval")
            Optional<Duration> pingInterval, @ConfigProperty(name = "quarkus.http.idle-timeout") Duration idleTimeout) {
        this.pingInterval = pingInterval;
        this.idleTimeout = idleTimeout;
    }

    void check(@Observes StartupEvent started) {
        problem(pingInterval, idleTimeout).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /** What is wrong with the pair, if anything. */
    static Optional<String> problem(Optional<Duration> pingInterval, Duration idleTimeout) {
        if (pingInterval.isEmpty() || pingInterval.get().compareTo(idleTimeout) >= 0) {
            return Optional.of("the socket ping interval (BACKCHANNEL_WS_PING_INTERVAL, "
                    + pingInterval.map(Duration::toString).orElse("unset") + ") must be shorter than the HTTP idle "
                    + "timeout (BACKCHANNEL_HTTP_IDLE_TIMEOUT, " + idleTimeout + "), or quiet sockets are cut off as idle");
        }
        return Optional.empty();
    }
}
