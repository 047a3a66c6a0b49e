package dev.backchannel.service.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.Test;

class TraceparentTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String SPAN_ID = "b7ad6b7169203331";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

    @Test
    void shouldReadTheTraceIdOfAWellFormedTraceparent() {
        assertThat(Traceparent.isValid(TRACEPARENT)).isTrue();
        assertThat(Traceparent.traceId(TRACEPARENT)).isEqualTo(TRACE_ID);
    }

    @Test
    void traceIdShouldBeLeftOutWhenTraceparentIsMissingOrMalformed() {
        assertThat(Traceparent.traceId(null)).isNull();
        assertThat(Traceparent.traceId("not-a-traceparent")).isNull();
        assertThat(Traceparent.traceId(TRACEPARENT.toUpperCase())).isNull();
        assertThat(Traceparent.isValid(null)).isFalse();
    }

    @Test
    void shouldWriteTheTraceparentOfASpanOrFallBackWhenTracingIsOff() {
        Span span = Span.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault()));

        assertThat(Traceparent.of(span, null)).isEqualTo(TRACEPARENT);
        assertThat(Traceparent.of(Span.getInvalid(), "fallback")).isEqualTo("fallback");
    }

    @Test
    void shouldTakeAWellFormedHeaderWhenNoSpanIsActive() {
        assertThat(Traceparent.current(TRACEPARENT)).isEqualTo(TRACEPARENT);
        assertThat(Traceparent.current("garbage")).isNull();
    }

    @Test
    void shouldContinueTheTraceItNamesOrStartFromTheRoot() {
        assertThat(Span.fromContext(Traceparent.parent(TRACEPARENT)).getSpanContext().getTraceId())
                .isEqualTo(TRACE_ID);
        assertThat(Span.fromContext(Traceparent.parent(null)).getSpanContext().isValid()).isFalse();
    }

    @Test
    void sampledOnlyWhenTheFlagsSaySoAndTheValueIsWellFormed() {
        assertThat(Traceparent.isSampled("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")).isTrue();
        assertThat(Traceparent.isSampled("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00")).isFalse();
        assertThat(Traceparent.isSampled("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-0x")).isFalse();
        assertThat(Traceparent.isSampled(null)).isFalse();
    }
}
