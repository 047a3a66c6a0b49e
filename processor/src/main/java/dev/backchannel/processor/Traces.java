package dev.backchannel.processor;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;

/** W3C {@code traceparent} strings, as commands, outbox rows and status messages carry them, to and from spans. */
public final class Traces {

    private static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> ONLY_TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private Traces() {
    }

    /** A context whose span is the (remote) one {@code traceparent} names; the root context when it names none. */
    public static Context parent(String traceparent) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, ONLY_TRACEPARENT);
    }

    /** The traceparent of {@code span}; {@code fallback} when the span has no valid context (tracing off). */
    public static String traceparent(Span span, String fallback) {
        SpanContext context = span.getSpanContext();
        return context.isValid()
                ? "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex()
                : fallback;
    }
}
