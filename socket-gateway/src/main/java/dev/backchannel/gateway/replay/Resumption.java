package dev.backchannel.gateway.replay;

import dev.backchannel.gateway.EventCursor;
import dev.backchannel.gateway.metrics.GatewayMetrics;
import dev.backchannel.gateway.routing.ClientSocket;
import dev.backchannel.gateway.routing.EventFrame;
import dev.backchannel.gateway.routing.FrameText;
import dev.backchannel.schemas.Frame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Answers {@code resume}: every event for the socket's user and the topics it follows now, after
 * the client's cursor (the last event id it has of each source), each source in id order, each once and stamped with {@code pushedAt}, then
 * {@code welcome} with {@code resumed: true}; or {@code reset} when the window cannot vouch for it.
 * Live events that arrive meanwhile are held back by the socket and follow the replay.
 */
@ApplicationScoped
public class Resumption {

    private static final Logger LOG = Logger.getLogger(Resumption.class);
    static final String TOO_MANY = "more events to replay than this socket may have in flight: reload";
    static final String LATE_RESUME = "resume arrived after live events were sent on this connection: reload";

    private final ReplayWindow window;
    private final GatewayMetrics metrics;
    private final Clock clock;

    @Inject
    public Resumption(ReplayWindow window, GatewayMetrics metrics) {
        this(window, metrics, Clock.systemUTC());
    }

    Resumption(ReplayWindow window, GatewayMetrics metrics, Clock clock) {
        this.window = window;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Answers the resume; returns true when it was complete (welcome resumed), false after a reset. */
    public boolean resume(ClientSocket socket, EventCursor cursor) {
        if (!socket.beginReplay(cursor)) {
            reset(socket, LATE_RESUME);
            return false;
        }
        Replay replay = window.replay(socket.userId(), socket.topics(), cursor);
        if (!replay.complete()) {
            socket.abandonReplay(FrameText.of(new Frame.Reset(replay.reason())));
            metrics.resumed("reset", 0);
            LOG.debugf("socket %s of user %s: reset after %s (%s)", socket.id(), socket.userId(), cursor,
                    replay.reason());
            return false;
        }
        if (replay.events().size() + 1 > socket.room()) {
            // the replay must fit the socket's bound like every other frame: the client reloads instead
            socket.abandonReplay(FrameText.of(new Frame.Reset(TOO_MANY)));
            metrics.resumed("reset", 0);
            return false;
        }
        Instant now = clock.instant();
        List<EventFrame> frames = replay.events().stream()
                .map(event -> new EventFrame(event.source(), event.eventId(), event.frameAt(now))).toList();
        socket.finishReplay(cursor, frames,
                FrameText.of(new Frame.Welcome(socket.id(), socket.userId(), true)));
        metrics.resumed("resumed", frames.size());
        return true;
    }

    private void reset(ClientSocket socket, String reason) {
        socket.offer(FrameText.of(new Frame.Reset(reason)));
        metrics.resumed("reset", 0);
    }
}
