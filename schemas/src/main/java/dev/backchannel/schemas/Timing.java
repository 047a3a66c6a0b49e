package dev.backchannel.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** When each hop of a command happened; unknown hops are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Timing(Instant acceptedAt, Instant deliveredAt, Integer deliveryCount, Instant processedAt,
        Instant publishedAt, Integer publishAttempts, Instant pushedAt) {

    public static Timing processed(Instant acceptedAt, Instant deliveredAt, int deliveryCount, Instant processedAt) {
        return new Timing(acceptedAt, deliveredAt, deliveryCount, processedAt, null, null, null);
    }

    /** Only the time a frame was pushed, for a frame that came without timing. */
    public static Timing pushed(Instant at) {
        return new Timing(null, null, null, null, null, null, at);
    }

    /** {@code timing} with {@code pushedAt} set, also when {@code timing} is null. */
    static Timing pushedAt(Timing timing, Instant at) {
        return timing == null ? pushed(at) : timing.withPushedAt(at);
    }

    public Timing withPublished(Instant at, int attempts) {
        return new Timing(acceptedAt, deliveredAt, deliveryCount, processedAt, at, attempts, pushedAt);
    }

    public Timing withPushedAt(Instant at) {
        return new Timing(acceptedAt, deliveredAt, deliveryCount, processedAt, publishedAt, publishAttempts, at);
    }
}
