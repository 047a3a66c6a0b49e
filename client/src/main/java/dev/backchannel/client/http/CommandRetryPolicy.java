package dev.backchannel.client.http;

import dev.backchannel.client.time.Backoff;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * When and how long to wait before sending a command again, as a resilience4j {@link Retry}:
 * retry on 500, 503, 429 and network errors ({@link IOException}), never on another status; wait
 * what {@code Retry-After} asks for, else the jittered exponential {@link Backoff}.
 */
public final class CommandRetryPolicy {

    private final RetryConfig config;
    private final int maxAttempts;

    public CommandRetryPolicy(Backoff backoff, int maxAttempts, RandomGenerator random, Supplier<Instant> clock) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        IntervalBiFunction<HttpResponse<String>> interval = (retry, outcome) -> {
            Duration jittered = backoff.jittered(retry, random);
            if (outcome.isRight()) {
                String header = outcome.get().headers().firstValue("Retry-After").orElse(null);
                return RetryAfter.parse(header, clock.get()).orElse(jittered).toMillis();
            }
            return jittered.toMillis();
        };
        this.config = RetryConfig.<HttpResponse<String>>custom()
                .maxAttempts(maxAttempts)
                .retryOnResult(response -> isRetryable(response.statusCode()))
                .retryOnException(error -> error instanceof IOException)
                .intervalBiFunction(interval)
                .failAfterMaxAttempts(false)
                .build();
    }

    /** 500, 503 and 429 are worth another try with the same commandId and body. */
    public static boolean isRetryable(int status) {
        return status == 500 || status == 503 || status == 429;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** A fresh attempt counter for one command. */
    public Retry.AsyncContext<HttpResponse<String>> newContext(String commandId) {
        return Retry.of("command-" + commandId, config).asyncContext();
    }
}
