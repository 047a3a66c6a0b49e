package dev.backchannel.api.limits;

import dev.backchannel.service.metrics.Gauges;
import io.micrometer.core.instrument.Tags;
import dev.backchannel.api.config.ApiConfig;
import dev.backchannel.api.problem.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The limits of this api-command node: commands per user, and demo sessions per client address (so
 * that minting names cannot get around the per-user limits). Full buckets are evicted every
 * {@code rate-limit.eviction-interval}; the sizes are gauges ({@code backchannel_api_rate_limit_keys}).
 */
@ApplicationScoped
public class RateLimits {

    private final TokenBuckets commands;
    private final TokenBuckets sessions;
    private final long evictionMillis;
    private final ScheduledExecutorService evictor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rate-limit-eviction");
        thread.setDaemon(true);
        return thread;
    });

    RateLimits(ApiConfig config, MeterRegistry registry) {
        ApiConfig.RateLimit limit = config.rateLimit();
        this.commands = new TokenBuckets(limit.perSecond(), limit.burst(), ApiProblem::tooManyRequests);
        this.sessions = new TokenBuckets(limit.sessionsPerMinute() / 60.0, limit.sessionsBurst(),
                ApiProblem::tooManySessions);
        this.evictionMillis = limit.evictionInterval().toMillis();
        Gauges.register(registry, "backchannel.api.rate.limit.keys", Tags.of("limit", "commands"),
                "Keys with a rate-limit bucket on this node", commands, TokenBuckets::size);
        Gauges.register(registry, "backchannel.api.rate.limit.keys", Tags.of("limit", "sessions"),
                "Keys with a rate-limit bucket on this node", sessions, TokenBuckets::size);
    }

    void start(@Observes StartupEvent started) {
        evictor.scheduleWithFixedDelay(this::evict, evictionMillis, evictionMillis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        evictor.shutdownNow();
    }

    /** One command of {@code userId}, or 429. */
    public void command(String userId) {
        commands.acquire(userId);
    }

    /** One demo session minted from {@code clientAddress}, or 429. */
    public void session(String clientAddress) {
        sessions.acquire(clientAddress);
    }

    void evict() {
        commands.evictFull();
        sessions.evictFull();
    }
}
