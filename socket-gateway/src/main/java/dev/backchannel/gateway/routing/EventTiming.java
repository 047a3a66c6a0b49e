package dev.backchannel.gateway.routing;

import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Timing;
import java.time.Instant;

/** The {@code timing} of event frames: read it, and add the relay's publish to it. */
public final class EventTiming {

    private EventTiming() {
    }

    /** The frame's timing, or null for a frame that has none. */
    public static Timing of(Frame frame) {
        if (frame instanceof Frame.CommandOutcome outcome) {
            return outcome.timing();
        }
        return frame instanceof Frame.EntityChanged changed ? changed.timing() : null;
    }

    /** {@code event} with {@code timing.publishedAt} and {@code timing.publishAttempts} set. */
    public static Frame.Event withPublished(Frame.Event event, Instant at, int attempts) {
        Timing timing = published(of(event), at, attempts);
        if (event instanceof Frame.CommandSucceeded s) {
            return new Frame.CommandSucceeded(s.eventId(), s.commandId(), s.entityId(), s.status(), s.timestamp(),
                    s.message(), s.data(), timing, s.traceId());
        }
        if (event instanceof Frame.CommandFailed f) {
            return new Frame.CommandFailed(f.eventId(), f.commandId(), f.entityId(), f.status(), f.timestamp(),
                    f.message(), f.error(), timing, f.traceId());
        }
        Frame.EntityChanged c = (Frame.EntityChanged) event;
        return new Frame.EntityChanged(c.eventId(), c.topic(), c.entityId(), c.commandId(), c.changedBy(),
                c.timestamp(), c.data(), timing, c.traceId());
    }

    private static Timing published(Timing timing, Instant at, int attempts) {
        return timing == null ? new Timing(null, null, null, null, at, attempts, null)
                : timing.withPublished(at, attempts);
    }
}
