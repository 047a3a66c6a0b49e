package dev.backchannel.api.commands;

import dev.backchannel.api.problem.Refusals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code POST /api/commands} answers: {@code backchannel_commands_accepted_total{retry}} for every 202,
 * {@code backchannel_commands_refused_total{reason}} for every error answer (counted once, where errors
 * are mapped to problem+json). Every reason exists from boot at 0, so rates and dashboards need no
 * first refusal.
 */
@Startup
@ApplicationScoped
public class CommandMetrics implements Refusals {

    /** Reasons of the contract's refusal table, plus {@code internal_error} for a failure nobody decided. */
    public static final List<String> REASONS = List.of("bad_request", "unauthorized", "too_large",
            "unsupported_media_type", "reused_command_id", "rate_limited", "unavailable", "chaos", "internal_error");

    static final String ACCEPTED = "backchannel.commands.accepted";
    static final String REFUSED = "backchannel.commands.refused";

    private final MeterRegistry registry;
    private final Counter acceptedFirst;
    private final Counter acceptedRetry;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
        acceptedFirst = accepted(registry, false);
        acceptedRetry = accepted(registry, true);
        REASONS.forEach(this::refusedCounter);
    }

    /** A 202: {@code retry} when the command was queued by an earlier request already. */
    void accepted(boolean retry) {
        (retry ? acceptedRetry : acceptedFirst).increment();
    }

    /** An error answer to {@code POST /api/commands}, by reason (see {@link #REASONS}). */
    @Override
    public void refused(String reason) {
        refusedCounter(reason).increment();
    }

    private Counter refusedCounter(String reason) {
        return Counter.builder(REFUSED).tag("reason", reason)
                .description("POST /api/commands answered with an error, by reason").register(registry);
    }

    private static Counter accepted(MeterRegistry registry, boolean retry) {
        return Counter.builder(ACCEPTED).tag("retry", Boolean.toString(retry))
                .description("POST /api/commands answered 202; retry=true when the command was queued before")
                .register(registry);
    }
}
