package dev.backchannel.gateway.routing;

import dev.backchannel.gateway.StatusUpdate;
import dev.backchannel.gateway.chaos.GatewayChaos;
import dev.backchannel.gateway.metrics.GatewayMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Decides who gets a status update on this node and hands them its frame ({@link Audience}): every
 * socket of {@code userId}, and every socket following one of its topics. The frame is stamped once per
 * push; a socket that matches both gets it once, and a socket that already had it (a redelivery)
 * not again. A command outcome only ever goes to its own user's sockets. With the chaos flag
 * {@code gatewayDisconnectRate}, a push may close the socket instead: the event stays in the replay
 * window, so the client gets it when it resumes. A socket that fails unexpectedly while the frame
 * is handed to it is closed (1011) for the same reason: the event is never lost to it.
 */
@ApplicationScoped
public class FramePusher {

    private static final Logger LOG = Logger.getLogger(FramePusher.class);

    private final LocalSockets sockets;
    private final GatewayMetrics metrics;
    private final GatewayChaos chaos;
    private final Clock clock;

    @Inject
    public FramePusher(LocalSockets sockets, GatewayMetrics metrics, GatewayChaos chaos) {
        this(sockets, metrics, chaos, Clock.systemUTC());
    }

    FramePusher(LocalSockets sockets, GatewayMetrics metrics, Clock clock) {
        this(sockets, metrics, GatewayChaos.disabled(), clock);
    }

    FramePusher(LocalSockets sockets, GatewayMetrics metrics, GatewayChaos chaos, Clock clock) {
        this.sockets = sockets;
        this.metrics = metrics;
        this.chaos = chaos;
        this.clock = clock;
    }

    /**
     * Returns how many sockets the frame was handed to (sent or held for after a replay). An event
     * handed to at least one socket counts once in the push latency (commit to socket).
     */
    public int push(StatusUpdate update) {
        if (update.hasNoAudience()) {
            LOG.warnf("status event %s names nobody here: not pushed", update.eventId());
            return 0;
        }
        Audience audience = Audience.of(update);
        Instant pushedAt = clock.instant();
        String frame = update.frameAt(pushedAt);
        int pushed = 0;
        if (audience.userId() != null) {
            for (ClientSocket socket : sockets.ofUser(audience.userId())) {
                pushed += deliver(socket, update, frame);
            }
        }
        for (String topic : audience.topics()) {
            for (ClientSocket socket : sockets.subscribersOf(topic)) {
                // the user's own sockets got it above, whether or not they follow the topic; a socket
                // following both items and items/<id> gets it once (the second offer is a repeat)
                if (!Objects.equals(socket.userId(), audience.userId())) {
                    pushed += deliver(socket, update, frame);
                }
            }
        }
        if (pushed > 0) {
            metrics.framesPushed(pushed);
            metrics.pushed(update.processedAt(), pushedAt);
        }
        return pushed;
    }

    private int deliver(ClientSocket socket, StatusUpdate update, String frame) {
        if (chaos.disconnectFires()) {
            socket.close(ServerClose.CHAOS);
            return 0;
        }
        Delivery delivery;
        try {
            delivery = socket.offerEvent(update.source(), update.eventId(), frame);
        } catch (RuntimeException failed) {
            // the event is in the replay window already: closing makes the client resume and get it
            LOG.errorf(failed, "could not push event %s to socket %s: closing it so its client resumes",
                    update.eventId(), socket.id());
            socket.close(ServerClose.INTERNAL_ERROR);
            return 0;
        }
        return delivery == Delivery.SENT || delivery == Delivery.HELD ? 1 : 0;
    }
}
