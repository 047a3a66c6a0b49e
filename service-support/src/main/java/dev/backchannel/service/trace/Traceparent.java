package dev.backchannel.service.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * W3C {@code traceparent} strings ({@code version-traceId-spanId-flags}, lower-case hex), as HTTP
 * requests, queued commands, outbox rows and status messages carry them: read, written and turned
 * into the parent of a span. A malformed one counts as none.
 */
public final class Traceparent {

    private static final Pattern FORMAT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final String HEADER = "traceparent";

    private static final TextMapGetter<String> ONLY_TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private Traceparent() {
    }

    public static boolean isValid(String traceparent) {
        return traceparent != null && FORMAT.matcher(traceparent).matches();
    }

    /** Whether its trace is sampled (the flags' lowest bit); false when it is missing or malformed. */
    public static boolean isSampled(String traceparent) {
        return isValid(traceparent) && (Character.digit(traceparent.charAt(traceparent.length() - 1), 16) & 1) == 1;
    }

    /** The trace id it names; null when it is missing or malformed. */
    public static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        Matcher matcher = FORMAT.matcher(traceparent);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** The traceparent of {@code span}; {@code fallback} when the span has no valid context (tracing off). */
    public static String of(Span span, String fallback) {
        SpanContext context = span.getSpanContext();
        return context.isValid()
                ? "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex()
                : fallback;
    }

    /** The current span's traceparent; else {@code header} when it is well-formed; else null. */
    public static String current(String header) {
        return of(Span.current(), isValid(header) ? header : null);
    }

    /** A context whose span is the (remote) one {@code traceparent} names; the root context when it names none. */
    public static Context parent(String traceparent) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, ONLY_TRACEPARENT);
    }
}
