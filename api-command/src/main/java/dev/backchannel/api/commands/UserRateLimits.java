package dev.backchannel.api.commands;

import dev.backchannel.api.config.ApiConfig;
import dev.backchannel.api.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per user, on this node. With several api-command nodes behind a balancer the
 * effective limit is per node; that is the documented trade-off (no shared store on the hot path).
 */
@ApplicationScoped
public class UserRateLimits {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double perSecond;
    private final double burst;

    UserRateLimits(ApiConfig config) {
        this.perSecond = config.rateLimit().perSecond();
        this.burst = Math.max(1, config.rateLimit().burst());
    }

    /** Takes one token of {@code userId}'s bucket, or refuses with 429 and when to retry. */
    void acquire(String userId) {
        Bucket bucket = buckets.computeIfAbsent(userId, id -> new Bucket(burst, System.nanoTime()));
        double waitSeconds;
        synchronized (bucket) {
            long now = System.nanoTime();
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) / 1e9 * perSecond);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            waitSeconds = (1 - bucket.tokens) / perSecond;
        }
        throw ApiProblem.tooManyRequests((int) Math.max(1, Math.ceil(waitSeconds)));
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        private Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}
