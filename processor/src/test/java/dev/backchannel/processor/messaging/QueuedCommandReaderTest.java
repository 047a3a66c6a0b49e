package dev.backchannel.processor.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.QueuedCommand;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueuedCommandReaderTest {

    private static final QueuedCommand QUEUED = new QueuedCommand(
            Command.create("0b4f5d0e-8f43-4b51-9a56-1f0d1a3c2b7e", "6f1c2a52-8a52-4c8e-9c1e-2b9a3e0f4d11",
                    "Buy milk", null), "alice", Instant.parse("2026-01-02T03:04:05Z"), null);

    @Test
    void shouldReadTextBody() {
        assertThat(QueuedCommandReader.read(Json.write(QUEUED))).isEqualTo(QUEUED);
    }

    @Test
    void shouldReadJsonObjectBodyWithoutCasting() {
        assertThat(QueuedCommandReader.read(new JsonObject(Json.write(QUEUED)))).isEqualTo(QUEUED);
    }

    @Test
    void shouldRefuseBodyThatIsNotJson() {
        assertThatThrownBy(() -> QueuedCommandReader.read("{oops")).isInstanceOf(UnreadableCommandException.class)
                .hasMessage("not JSON");
    }

    @Test
    void shouldRefuseBodyAgainstTheSchemaAndKeepItsCommandId() {
        String noUser = Json.write(QUEUED).replace("\"userId\":\"alice\",", "");

        assertThatThrownBy(() -> QueuedCommandReader.read(noUser)).isInstanceOfSatisfying(
                UnreadableCommandException.class, e -> {
                    assertThat(e.getMessage()).contains("userId");
                    assertThat(e.commandId()).isEqualTo("0b4f5d0e-8f43-4b51-9a56-1f0d1a3c2b7e");
                    assertThat(e.rawBody()).isEqualTo(noUser);
                });
    }
}
