package dev.backchannel.gateway.ws;

import dev.backchannel.gateway.metrics.GatewayMetrics;
import dev.backchannel.gateway.routing.ClientSocket;
import dev.backchannel.gateway.routing.ServerClose;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Counts and logs, once, every socket this node closes: limits under
 * {@code backchannel_gateway_limit_enforced_total}, slow consumers under their own counter. The
 * sockets call it themselves when they close ({@link ClientSocket.CloseListener}).
 */
@ApplicationScoped
public class SocketCloseLog implements ClientSocket.CloseListener {

    private static final Logger LOG = Logger.getLogger(SocketCloseLog.class);

    private final GatewayMetrics metrics;

    public SocketCloseLog(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void closedByServer(ClientSocket socket, ServerClose why) {
        if (why == ServerClose.TOO_SLOW) {
            metrics.slowConsumerClosed();
        } else if (why.limit() != null) {
            metrics.limitEnforced(why.limit());
        }
        if (why == ServerClose.GOING_AWAY) {
            LOG.debugf("closing socket %s of user %s: %s", socket.id(), socket.userId(), why);
        } else {
            LOG.infof("closed socket %s of user %s: %s (%d frames pending)", socket.id(), socket.userId(), why,
                    socket.pendingFrames());
        }
    }
}
