package dev.backchannel.gateway.lifecycle;

import dev.backchannel.gateway.config.GatewayConfig;
import dev.backchannel.gateway.routing.ClientSocket;
import dev.backchannel.gateway.routing.LocalSockets;
import dev.backchannel.gateway.routing.ServerClose;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * A node that stops first stops consuming {@code status} (what it has not acknowledged stays in its
 * durable subscription for its next start), then closes every socket with {@code GOING_AWAY} so the
 * clients reconnect, to another node, and resume; it waits up to
 * {@link GatewayConfig#shutdownGrace()} for the close frames to go out.
 */
@ApplicationScoped
public class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class);

    private final StatusConsumption consumption;
    private final LocalSockets sockets;
    private final Duration grace;
    private final AtomicBoolean stopped = new AtomicBoolean();

    @Inject
    public GracefulShutdown(StatusConsumption consumption, LocalSockets sockets, GatewayConfig config) {
        this(consumption, sockets, config.shutdownGrace());
    }

    GracefulShutdown(StatusConsumption consumption, LocalSockets sockets, Duration grace) {
        this.consumption = consumption;
        this.sockets = sockets;
        this.grace = grace;
    }

    /**
     * Pre-shutdown (needs {@code quarkus.shutdown.delay-enabled=true}): runs before the HTTP server and
     * WebSockets Next close the connections themselves (with 1000), so the clients get 1001 from here.
     */
    void onShutdownStarting(@Observes ShutdownDelayInitiatedEvent event) {
        stop();
    }

    /** The fallback when pre-shutdown events are off: by then some sockets may already be closed. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stop();
    }

    /** Returns how many sockets were told to go away (0 the second time). */
    int stop() {
        if (!stopped.compareAndSet(false, true)) {
            return 0;
        }
        consumption.pause();
        List<ClientSocket> open = List.copyOf(sockets.all());
        CountDownLatch closed = new CountDownLatch(open.size());
        for (ClientSocket socket : open) {
            if (!socket.close(ServerClose.GOING_AWAY, ServerClose.GOING_AWAY.reason(), closed::countDown)) {
                closed.countDown();
            }
        }
        try {
            if (!closed.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("shutdown: %d of %d close frames not sent within %s", closed.getCount(), open.size(), grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.infof("shutdown: stopped consuming status and told %d sockets to go away", open.size());
        return open.size();
    }
}
