package dev.backchannel.gateway.ws;

import dev.backchannel.gateway.config.GatewayConfig;
import dev.backchannel.gateway.routing.ClientSocket;
import dev.backchannel.gateway.routing.LocalSockets;
import dev.backchannel.gateway.routing.ServerClose;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * Closes sockets whose client went silent. The server pings every socket
 * ({@code quarkus.websockets-next.server.auto-ping-interval}); a live client answers each ping with a
 * pong. Pings alone never make a dead connection idle (they are traffic), so {@code quarkus.http.idle-timeout}
 * cannot catch it: this monitor closes a socket that sent nothing, not even a pong, for
 * {@link GatewayConfig#livenessTimeout()}, with {@code TOO_SLOW}.
 */
@ApplicationScoped
public class LivenessMonitor {

    private final Vertx vertx;
    private final LocalSockets sockets;
    private final long timeoutNanos;
    private final long periodMillis;
    private long timer = -1;

    public LivenessMonitor(Vertx vertx, LocalSockets sockets, GatewayConfig config) {
        this.vertx = vertx;
        this.sockets = sockets;
        Duration timeout = config.livenessTimeout();
        this.timeoutNanos = timeout.toNanos();
        this.periodMillis = Math.max(100, timeout.toMillis() / 4);
    }

    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(periodMillis, id -> closeSilentSockets(System.nanoTime()));
    }

    void stop(@Observes ShutdownEvent stopping) {
        vertx.cancelTimer(timer);
    }

    /** Closes every socket silent since before {@code now - livenessTimeout}; returns how many. */
    int closeSilentSockets(long now) {
        int closed = 0;
        for (ClientSocket socket : sockets.all()) {
            if (now - socket.lastHeardNanos() > timeoutNanos) {
                if (socket.close(ServerClose.UNRESPONSIVE)) {
                    closed++;
                }
            }
        }
        return closed;
    }
}
