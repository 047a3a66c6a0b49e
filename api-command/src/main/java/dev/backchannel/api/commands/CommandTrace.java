package dev.backchannel.api.commands;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.regex.Pattern;

/**
 * The W3C {@code traceparent} a command carries onto the queue: the span of the HTTP request that
 * brought it (a child of the client's {@code traceparent} header when there was one, else the root
 * of a new trace), so every command has one and every frame it causes has a {@code traceId}.
 */
final class CommandTrace {

    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");

    private CommandTrace() {
    }

    /** The current span's traceparent; the header's when no span is active (OpenTelemetry off); else null. */
    static String traceparent(String header) {
        SpanContext current = Span.current().getSpanContext();
        if (current.isValid()) {
            return "00-" + current.getTraceId() + "-" + current.getSpanId() + "-" + current.getTraceFlags().asHex();
        }
        return header != null && TRACEPARENT.matcher(header).matches() ? header : null;
    }
}
