package dev.backchannel.api.limits;

import dev.backchannel.api.problem.ApiProblem;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * A token bucket per key (a user, a client address), on this node. A bucket that has refilled
 * completely holds nothing worth keeping, so {@link #evictFull()} drops it: the map stays as large as
 * the number of keys active in the last {@code burst / perSecond} seconds, not as large as every key
 * ever seen. With several api-command nodes behind a balancer the limit is per node (documented).
 */
public final class TokenBuckets {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double perSecond;
    private final double burst;
    private final IntFunction<ApiProblem> refusal;

    /** {@code refusal} makes the answer for a refused take, given the seconds to wait. */
    public TokenBuckets(double perSecond, int burst, IntFunction<ApiProblem> refusal) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.refusal = refusal;
    }

    /** Takes one token of {@code key}'s bucket, or throws the refusal with when to retry. */
    public void acquire(String key) {
        Bucket bucket = buckets.computeIfAbsent(key, id -> new Bucket(burst, System.nanoTime()));
        double waitSeconds;
        synchronized (bucket) {
            long now = System.nanoTime();
            bucket.refill(now, perSecond, burst);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            waitSeconds = (1 - bucket.tokens) / perSecond;
        }
        throw refusal.apply((int) Math.max(1, Math.ceil(waitSeconds)));
    }

    /** Drops every bucket that is full again; returns how many are left. */
    public int evictFull() {
        long now = System.nanoTime();
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next();
            synchronized (bucket) {
                bucket.refill(now, perSecond, burst);
                if (bucket.tokens >= burst) {
                    it.remove();
                }
            }
        }
        return buckets.size();
    }

    public int size() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        private Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }

        private void refill(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
        }
    }
}
