package dev.backchannel.gateway.routing;

import dev.backchannel.gateway.GatewayMetrics;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.StatusEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Pushes one status event to the sockets it names on this node: every socket of {@code userId}, and
 * every socket following {@code topic}. The frame is serialised once; a socket that matches both
 * gets it once. A command outcome only ever goes to its own user's sockets.
 */
@ApplicationScoped
public class FramePusher {

    private static final Logger LOG = Logger.getLogger(FramePusher.class);

    private final LocalSockets sockets;
    private final GatewayMetrics metrics;
    private final Clock clock;

    @Inject
    public FramePusher(LocalSockets sockets, GatewayMetrics metrics) {
        this(sockets, metrics, Clock.systemUTC());
    }

    FramePusher(LocalSockets sockets, GatewayMetrics metrics, Clock clock) {
        this.sockets = sockets;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Returns how many sockets the frame was handed to. */
    public int push(StatusEvent event) {
        String userId = event.userId();
        String topic = event.payload() instanceof Frame.CommandOutcome ? null : event.topic();
        if (userId == null && topic == null) {
            LOG.warnf("status event %s is a command outcome without userId: not pushed", event.eventId());
            return 0;
        }
        String text = FrameText.of(stamped(event.payload(), clock.instant()));
        int pushed = 0;
        if (userId != null) {
            for (ClientSocket socket : sockets.ofUser(userId)) {
                pushed += deliver(socket, text);
            }
        }
        if (topic != null) {
            for (ClientSocket socket : sockets.subscribersOf(topic)) {
                // the user's own sockets got it above, whether or not they follow the topic
                if (!Objects.equals(socket.userId(), userId)) {
                    pushed += deliver(socket, text);
                }
            }
        }
        return pushed;
    }

    private static Frame stamped(Frame frame, Instant at) {
        return frame instanceof Frame.Event event ? event.pushedAt(at) : frame;
    }

    private int deliver(ClientSocket socket, String text) {
        Delivery delivery = socket.offer(text);
        if (delivery == Delivery.SENT) {
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
