package dev.backchannel.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backchannel.bench.publish.BenchEvents;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
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

    @Test
    void shouldReadTheUserAndTheBenchTimeOfAPresenceChangeAsTheGatewayWritesIt() {
        ObjectNode state = JsonNodeFactory.instance.objectNode().put("benchAt", 1_764_640_000_123_456L);
        String frame = Json.write(new Frame.PresenceChanged("items/6f0c", "bench-u00042", state, 1));

        assertThat(FrameFields.type(frame)).isEqualTo("presence.changed");
        assertThat(FrameFields.userId(frame)).isEqualTo("bench-u00042");
        assertThat(FrameFields.longValue(frame, "benchAt")).isEqualTo(1_764_640_000_123_456L);
    }

    @Test
    void shouldGiveMinusOneForAMissingOrNonNumericField() {
        assertThat(FrameFields.longValue("{\"type\":\"presence.left\",\"userId\":\"u\"}", "benchAt")).isEqualTo(-1);
        assertThat(FrameFields.longValue("{\"state\":{\"benchAt\":\"soon\"}}", "benchAt")).isEqualTo(-1);
    }
}
