package dev.backchannel.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageBodiesTest {

    private static final ChaosFlags FLAGS = ChaosFlags.calm(100, 200);
    private static final String TEXT = Json.write(FLAGS);

    @Test
    void shouldReadTheTextOfEveryKindOfBodyTheConnectorHandsOver() {
        assertThat(MessageBodies.asText(TEXT)).isEqualTo(TEXT);
        assertThat(MessageBodies.asText(TEXT.getBytes(StandardCharsets.UTF_8))).isEqualTo(TEXT);
        assertThat(MessageBodies.asText(Buffer.buffer(TEXT))).isEqualTo(TEXT);
        assertThat(Json.read(MessageBodies.asText(new JsonObject(TEXT)), ChaosFlags.class)).isEqualTo(FLAGS);
    }

    @Test
    void shouldHaveNoTextForNoBodyOrABodyOfAnotherKind() {
        assertThat(MessageBodies.asText(null)).isNull();
        assertThat(MessageBodies.asText(42)).isNull();
    }

    @Test
    void shouldReadValidateAndConvertABody() {
        assertThat(MessageBodies.read(new JsonObject(TEXT), MessageSchema.CHAOS_FLAGS, ChaosFlags.class))
                .isEqualTo(FLAGS);
    }

    @Test
    void shouldSayWhyABodyIsUnreadable() {
        assertThatThrownBy(() -> MessageBodies.read(null, MessageSchema.CHAOS_FLAGS, ChaosFlags.class))
                .isInstanceOf(UnreadableBody.class).hasMessage("body is empty");
        assertThatThrownBy(() -> MessageBodies.read("{oops", MessageSchema.CHAOS_FLAGS, ChaosFlags.class))
                .isInstanceOf(UnreadableBody.class).hasMessage("not JSON");
        assertThatThrownBy(() -> MessageBodies.read("[1]", MessageSchema.CHAOS_FLAGS, ChaosFlags.class))
                .isInstanceOf(UnreadableBody.class).hasMessage("not a JSON object");
    }

    @Test
    void shouldNameTheFieldsThatBreakTheSchemaAndKeepTheBody() {
        String tooHigh = TEXT.replace("\"apiErrorRate\":0.0", "\"apiErrorRate\":2.0");

        assertThatThrownBy(() -> MessageBodies.read(tooHigh, MessageSchema.CHAOS_FLAGS, ChaosFlags.class))
                .isInstanceOfSatisfying(UnreadableBody.class, e -> {
                    assertThat(e.getMessage()).startsWith("does not match chaos-flags.schema.json: apiErrorRate");
                    assertThat(e.violations()).extracting(v -> v.field()).containsExactly("apiErrorRate");
                    assertThat(e.text()).isEqualTo(tooHigh);
                    assertThat(e.json().path("apiErrorRate").asDouble()).isEqualTo(2.0);
                });
    }
}
