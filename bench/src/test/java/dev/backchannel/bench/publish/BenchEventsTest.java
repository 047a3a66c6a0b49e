package dev.backchannel.bench.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchEventsTest {

    @Test
    void injectedEventShouldMatchTheStatusEventSchema() throws Exception {
        String json = BenchEvents.statusEvent(BenchEvents.eventId(BenchEvents.firstSequence()), "bench-u00001",
                Instant.parse("2026-01-02T03:04:05.123456Z"));

        assertThat(SchemaValidator.instance().violations(MessageSchema.STATUS_EVENT, Json.mapper().readTree(json)))
                .isEmpty();
        assertThat(json).contains("\"timestamp\":\"2026-01-02T03:04:05.123456Z\"");
        // its own producer: its ids never make a live system's processor events look like repeats
        assertThat(Json.mapper().readTree(json).path("source").asText()).isEqualTo(BenchEvents.SOURCE);
    }

    @Test
    void baselineFrameShouldMatchTheFrameSchema() throws Exception {
        String json = BenchEvents.pushedFrame(BenchEvents.eventId(7), Instant.now(), Instant.now());

        assertThat(SchemaValidator.instance().violations(MessageSchema.FRAME, Json.mapper().readTree(json))).isEmpty();
        assertThat(json).startsWith("{\"type\":\"command.succeeded\"");
    }

    @Test
    void scheduleShouldPickTheSameUsersForTheSameSeed() {
        List<String> users = List.of("a", "b", "c");

        assertThat(new OpenLoopSchedule(100, 50, 7, users).userIndexes())
                .containsExactly(new OpenLoopSchedule(100, 50, 7, users).userIndexes());
        assertThat(OpenLoopSchedule.eachUserOnce(users, 10).userIndexes()).containsExactly(0, 1, 2);
        assertThat(new OpenLoopSchedule(1000, 10, 1, users).dueNanos(5)).isEqualTo(5_000_000L);
    }
}
