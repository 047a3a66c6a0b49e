package dev.backchannel.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backchannel.gateway.StatusEvents;
import dev.backchannel.gateway.StatusUpdate;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The push path reads status events without the JSON Schema validator; these tests hold its checks
 * against the schema: what the schema accepts, the reader reads; what the schema refuses in the
 * fields the gateway relies on, the reader refuses too.
 */
class StatusEventReaderTest {

    private static final Instant PUSHED = Instant.parse("2026-12-01T10:00:00.123Z");

    @Test
    void readsEveryKindOfValidEventTheSchemaAccepts() {
        for (JsonObject event : List.of(valid(StatusEvents.commandOutcomeFor("alice")),
                valid(StatusEvents.itemChangedBy("bob")), valid(StatusEvents.itemChangedForAuthorAndTopic("carol")))) {
            assertThat(SchemaValidator.instance().violations(MessageSchema.STATUS_EVENT, event.encode())).isEmpty();

            StatusUpdate update = StatusEventReader.read(event.encode());

            assertThat(update.eventId()).isEqualTo(event.getString("eventId"));
            JsonObject frame = new JsonObject(update.frameAt(PUSHED));
            JsonObject expected = event.getJsonObject("payload").copy();
            JsonObject timing = expected.getJsonObject("timing") == null ? new JsonObject()
                    : expected.getJsonObject("timing");
            expected.put("timing", timing.put("pushedAt", PUSHED.toString()));
            assertThat(frame).isEqualTo(expected);
            assertThat(SchemaValidator.instance().violations(MessageSchema.FRAME, frame.encode())).isEmpty();
        }
    }

    @Test
    void commandOutcomeGoesToItsUserOnlyWhateverTopicItNames() {
        JsonObject event = valid(StatusEvents.commandOutcomeFor("alice")).put("topic", "items");

        StatusUpdate update = StatusEventReader.read(event);

        assertThat(update.userId()).isEqualTo("alice");
        assertThat(update.topics()).isEmpty();
    }

    @Test
    void refusesWhatTheSchemaRefusesInTheFieldsTheGatewayUses() {
        List<Consumer<JsonObject>> breakages = List.of(
                e -> e.put("eventId", "short"),
                e -> e.put("eventId", "0000000000000000000-1"),
                e -> e.remove("eventId"),
                e -> e.put("eventId", 12345678901L),
                e -> e.remove("occurredAt"),
                e -> e.put("userId", "ali ce"),
                e -> e.put("userId", "x".repeat(65)),
                e -> e.put("topic", "Items"),
                e -> e.put("userId", null).put("topic", null),
                e -> e.remove("payload"),
                e -> e.put("payload", "a frame"),
                e -> e.getJsonObject("payload").put("type", "nonsense"),
                e -> e.getJsonObject("payload").put("type", "welcome"),
                e -> e.getJsonObject("payload").put("timing", "soon"),
                e -> e.put("source", "Billing"),
                e -> e.put("source", "b".repeat(33)),
                e -> e.put("source", 7));
        for (Consumer<JsonObject> breakage : breakages) {
            JsonObject event = valid(StatusEvents.commandOutcomeFor("alice"));
            breakage.accept(event);
            String text = event.encode();

            assertThat(SchemaValidator.instance().violations(MessageSchema.STATUS_EVENT, text)).as(text).isNotEmpty();
            assertThatThrownBy(() -> StatusEventReader.read(text)).as(text)
                    .isInstanceOf(StatusEventReader.InvalidStatusEvent.class);
        }
    }

    @Test
    void refusesAPayloadWhoseEventIdDiffersAndUserIdsWithControlCharacters() {
        JsonObject otherId = valid(StatusEvents.commandOutcomeFor("alice"));
        otherId.getJsonObject("payload").put("eventId", StatusEvents.newEventId());
        JsonObject newline = valid(StatusEvents.commandOutcomeFor("alice")).put("userId", "alice\n");

        for (JsonObject event : List.of(otherId, newline)) {
            assertThatThrownBy(() -> StatusEventReader.read(event.encode()))
                    .isInstanceOf(StatusEventReader.InvalidStatusEvent.class);
        }
    }

    @Test
    void refusesBodiesThatAreNotJsonObjects() {
        for (Object body : List.of("not json", "[1,2]", "", new byte[] {1, 2, 3}, 42)) {
            assertThatThrownBy(() -> StatusEventReader.read(body)).isInstanceOf(StatusEventReader.InvalidStatusEvent.class);
        }
    }

    @Test
    void ignoresFieldsItDoesNotKnowAndForwardsThePayloadAsWritten() {
        JsonObject event = valid(StatusEvents.commandOutcomeFor("alice")).put("source", "billing").put("extra", 1);
        event.getJsonObject("payload").put("newField", "kept");

        JsonObject frame = new JsonObject(StatusEventReader.read(event.encode()).frameAt(PUSHED));

        assertThat(frame.getString("newField")).isEqualTo("kept");
        assertThat(frame.getJsonObject("timing").getString("pushedAt")).isEqualTo(PUSHED.toString());
    }

    @Test
    void namesAnotherProducersSourceInTheFrameAndKeepsTheProcessorsFramesAsTheyWere() {
        StatusUpdate billing = StatusEventReader.read(valid(StatusEvents.commandOutcomeFor("alice"))
                .put("source", "billing").encode());
        StatusUpdate processor = StatusEventReader.read(valid(StatusEvents.commandOutcomeFor("alice")).encode());

        assertThat(billing.source()).isEqualTo("billing");
        assertThat(new JsonObject(billing.frameAt(PUSHED)).getString("source")).isEqualTo("billing");
        assertThat(processor.source()).isEqualTo("processor");
        assertThat(new JsonObject(processor.frameAt(PUSHED)).containsKey("source")).isFalse();
        assertThat(SchemaValidator.instance().violations(MessageSchema.FRAME, billing.frameAt(PUSHED))).isEmpty();
    }

    @Test
    void stampsTheRelaysPublishTimeAndAttemptsIntoTheTiming() {
        JsonObject event = valid(StatusEvents.commandOutcomeFor("alice"));
        PublishProperties published = PublishProperties.of(new JsonObject().put("publishedAt", "2026-12-01T09:59:59Z")
                .put("publishAttempts", 2));

        JsonObject timing = new JsonObject(StatusEventReader.read(event.encode(), published).frameAt(PUSHED))
                .getJsonObject("timing");

        assertThat(timing.getString("publishedAt")).isEqualTo("2026-12-01T09:59:59Z");
        assertThat(timing.getInteger("publishAttempts")).isEqualTo(2);
    }

    @Test
    void readsTimestampsLikeTheIsoParser() {
        for (String text : List.of("2026-12-01T10:00:00Z", "2026-12-01T10:00:00.1Z", "2026-02-28T23:59:59.123456Z",
                "2024-02-29T00:00:00.000000001Z", "1999-12-31T23:59:59.999999999Z", "2026-12-01T10:00:00+01:00")) {
            assertThat(StatusEventReader.instant(text)).as(text)
                    .isEqualTo(java.time.OffsetDateTime.parse(text).toInstant());
        }
        assertThat(StatusEventReader.instant("yesterday")).isNull();
        assertThat(StatusEventReader.instant(42)).isNull();
    }

    private static JsonObject valid(dev.backchannel.schemas.StatusEvent event) {
        return new JsonObject(Json.write(event));
    }
}
