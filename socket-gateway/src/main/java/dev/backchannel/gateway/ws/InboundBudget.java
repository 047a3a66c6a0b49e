package dev.backchannel.gateway.ws;

import dev.backchannel.gateway.config.GatewayConfig;

/**
 * What one socket may still send: a token bucket of {@link GatewayConfig.Inbound#burst()} messages,
 * refilled at {@link GatewayConfig.Inbound#messagesPerSecond()}, and a count of its {@code bad_request}
 * errors in a row. The first message over the rate is answered with {@code error rate_limited}, later
 * ones are dropped unanswered; a socket that goes on ({@link GatewayConfig.Inbound#maxRefused()} messages
 * refused before its bucket was full again), or that sends {@link GatewayConfig.Inbound#maxBadRequests()}
 * bad requests in a row, is closed with 1008. One socket's messages arrive one at a time (its event
 * loop), so this is not thread-safe.
 */
final class InboundBudget {

    /** What to do with a message that arrived. */
    enum Verdict {
        /** Handle it. */
        ADMIT,
        /** Over the rate: answer {@code error rate_limited}, do not handle it. */
        REFUSE,
        /** Over the rate, already told: drop it. */
        DROP,
        /** Over the rate for too long: close the socket with 1008. */
        CLOSE
    }

    private final double burst;
    private final double tokensPerNano;
    private final int maxRefused;
    private final int maxBadRequests;
    private double tokens;
    private long lastNanos;
    private int refused;
    private int badInARow;

    InboundBudget(GatewayConfig.Inbound limits, long nowNanos) {
        this.burst = Math.max(1, limits.burst());
        this.tokensPerNano = Math.max(1, limits.messagesPerSecond()) / 1e9;
        this.maxRefused = Math.max(1, limits.maxRefused());
        this.maxBadRequests = Math.max(1, limits.maxBadRequests());
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes one message's token, if there is one. */
    Verdict admit(long nowNanos) {
        tokens = Math.min(burst, tokens + Math.max(0, nowNanos - lastNanos) * tokensPerNano);
        lastNanos = nowNanos;
        if (tokens >= burst) {
            // the client paused long enough to fill its bucket: whatever it was refused is forgiven
            refused = 0;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ADMIT;
        }
        refused++;
        if (refused >= maxRefused) {
            return Verdict.CLOSE;
        }
        return refused == 1 ? Verdict.REFUSE : Verdict.DROP;
    }

    /** Counts an admitted message's outcome; true when that was one bad request too many. */
    boolean answered(boolean badRequest) {
        badInARow = badRequest ? badInARow + 1 : 0;
        return badInARow >= maxBadRequests;
    }
}
