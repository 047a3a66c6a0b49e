package dev.backchannel.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.amqptest.AmqpTestClient;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import java.io.UncheckedIOException;
import java.util.List;

/** Reading status events a test received, checked against the contract. */
final class StatusEvents {

    private StatusEvents() {
    }

    /** Every status event about {@code commandId}, in arrival order, each valid against its schema. */
    static List<JsonNode> about(AmqpTestClient.Received status, String commandId) {
        return status.bodiesContaining(commandId).stream().map(StatusEvents::valid)
                .filter(event -> commandId.equals(event.path("payload").path("commandId").asText()))
                .toList();
    }

    static JsonNode valid(String body) {
        assertThat(SchemaValidator.instance().violations(MessageSchema.STATUS_EVENT, body)).isEmpty();
        try {
            return Json.mapper().readTree(body);
        } catch (Exception e) {
            throw new UncheckedIOException(new java.io.IOException(e));
        }
    }

    /** The one event of {@code type} among {@code events}. */
    static JsonNode ofType(List<JsonNode> events, String type) {
        List<JsonNode> matching = events.stream().filter(e -> type.equals(e.path("payload").path("type").asText()))
                .toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
