package dev.backchannel.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.bench.publish.BenchEvents;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FrameFieldsTest {

    @Test
    void shouldReadTypeEventIdAndPublishTimeFromAFrame() {
        Instant due = Instant.parse("2026-01-02T03:04:05.123456Z");
        String frame = BenchEvents.pushedFrame("00000000000000000042", due, due.plusMillis(3));

        assertThat(FrameFields.type(frame)).isEqualTo("command.succeeded");
        assertThat(FrameFields.eventId(frame)).isEqualTo("00000000000000000042");
        assertThat(FrameFields.timestampMicros(frame)).isEqualTo(due.getEpochSecond() * 1_000_000L + 123_456);
    }

    @Test
    void shouldTellAResumedWelcome() {
        assertThat(FrameFields.resumed("{\"type\":\"welcome\",\"connectionId\":\"c\",\"userId\":\"u\",\"resumed\":true}"))
                .isTrue();
        assertThat(FrameFields.timestampMicros("{\"type\":\"welcome\"}")).isEqualTo(-1);
    }
}
