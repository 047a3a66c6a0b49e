package dev.backchannel.gateway.routing;

import dev.backchannel.gateway.GatewayMetrics;
import dev.backchannel.gateway.chaos.GatewayChaos;
import dev.backchannel.schemas.CloseCodes;
import dev.backchannel.schemas.StatusEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Pushes one status event to the sockets it names on this node ({@link Audience}): every socket of
 * {@code userId}, and every socket following {@code topic}. The frame is serialised once; a socket
 * that matches both gets it once, and a socket that already had it (a redelivery) not again. A
 * command outcome only ever goes to its own user's sockets. With the chaos flag
 * {@code gatewayDisconnectRate}, a push may close the socket instead: the event stays in the replay
 * window, so the client gets it when it resumes.
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
    public int push(StatusEvent event) {
        Audience audience = Audience.of(event);
        if (audience.isEmpty()) {
            LOG.warnf("status event %s is a command outcome without userId: not pushed", event.eventId());
            return 0;
        }
        Instant pushedAt = clock.instant();
        EventFrame frame = new EventFrame(event.eventId(), FrameText.ofPushed(event.payload(), pushedAt));
        int pushed = 0;
        if (audience.userId() != null) {
            for (ClientSocket socket : sockets.ofUser(audience.userId())) {
                pushed += deliver(socket, frame);
            }
        }
        if (audience.topic() != null) {
            for (ClientSocket socket : sockets.subscribersOf(audience.topic())) {
                // the user's own sockets got it above, whether or not they follow the topic
                if (!Objects.equals(socket.userId(), audience.userId())) {
                    pushed += deliver(socket, frame);
                }
            }
        }
        if (pushed > 0) {
            metrics.pushed(EventTiming.of(event.payload()), pushedAt);
        }
        return pushed;
    }

    private int deliver(ClientSocket socket, EventFrame frame) {
        if (chaos.disconnectFires()) {
            LOG.infof("chaos: closing socket %s of user %s instead of pushing event %s", socket.id(),
                    socket.userId(), frame.eventId());
            socket.close(CloseCodes.CHAOS, "chaos: reconnect and resume");
            sockets.remove(socket.id());
            return 0;
        }
        Delivery delivery = socket.offerEvent(frame.eventId(), frame.text());
        if (delivery == Delivery.SENT || delivery == Delivery.HELD) {
            metrics.framePushed();
            return 1;
        }
        if (delivery == Delivery.CLOSED_TOO_SLOW) {
            LOG.infof("closed socket %s of user %s: %d frames not flushed", socket.id(), socket.userId(),
                    socket.pendingFrames());
            sockets.remove(socket.id());
            metrics.slowConsumerClosed();
        }
        return 0;
    }
}
