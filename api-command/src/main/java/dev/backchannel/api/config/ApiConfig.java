package dev.backchannel.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Everything api-command lets an operator tune, under {@code backchannel.api}. */
@ConfigMapping(prefix = "backchannel.api")
public interface ApiConfig {

    /** Delivery delay of each command on the queue, picked at random in this range. */
    QueueDelay queueDelay();

    /** Per-user rate of {@code POST /api/commands} on this node (a token bucket). */
    RateLimit rateLimit();

    /** How long to wait for the broker to take a command before answering 503. */
    @WithDefault("3s")
    Duration enqueueTimeout();

    /** {@code Retry-After} seconds sent with a 503 while the broker is unavailable. */
    @WithDefault("2")
    int unavailableRetryAfterSeconds();

    /** Largest command body accepted, in bytes; larger ones get 413. */
    @WithDefault("65536")
    int maxCommandBytes();

    /**
     * Whether {@code POST /api/sessions} (the demo identity provider, anyone picks a name) exists;
     * off ({@code 404}) unless configured: {@code run.sh} turns it on, production signs users in at an
     * OIDC issuer ({@code BACKCHANNEL_OIDC_*}).
     */
    @WithDefault("false")
    boolean demoSignin();

    /** How long a token from {@code POST /api/sessions} stays valid. */
    @WithDefault("1h")
    Duration sessionLifespan();

    /** The query side (the processor) that answers a command's outcome: where GET /api/commands/{id} points. */
    @WithDefault("http://localhost:8082")
    String queryUrl();

    /** Fault injection on purpose (see the contract's chaos flags). */
    Chaos chaos();

    interface Chaos {
        /** Whether {@code /api/chaos} exists and flags are applied; off unless configured (the demo turns it on). */
        @WithDefault("false")
        boolean enabled();

        /** Users who may change the flags, by user id; none unless configured; {@code *} lets every signed-in user (the demo run). */
        java.util.Optional<java.util.List<String>> editors();
    }

    interface QueueDelay {
        /** Shortest delay. */
        @WithDefault("500ms")
        Duration min();

        /** Longest delay. */
        @WithDefault("2000ms")
        Duration max();
    }

    interface RateLimit {
        /** Commands a user may send per second, sustained. */
        @WithDefault("20")
        int perSecond();

        /** Commands a user may send at once after a quiet spell. */
        @WithDefault("40")
        int burst();

        /** Demo sessions one client address may mint per minute, sustained. */
        @WithDefault("30")
        int sessionsPerMinute();

        /** Demo sessions one client address may mint at once. */
        @WithDefault("20")
        int sessionsBurst();

        /** How often buckets that are full again (idle keys) are dropped. */
        @WithDefault("1m")
        Duration evictionInterval();
    }
}
