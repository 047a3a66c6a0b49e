package dev.backchannel.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

    private final SchemaValidator validator = SchemaValidator.instance();

    private List<String> fieldsRejected(String json) {
        return validator.violations(MessageSchema.COMMAND, json).stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void shouldNameTheMissingFieldOfACreateCommand() {
        String json = """
                {"commandId":"%s","type":"item.create","entityId":"%s","data":{"status":"todo"}}
                """.formatted(Samples.COMMAND_ID, Samples.ENTITY_ID);
        assertThat(fieldsRejected(json)).contains("data.title");
    }

    @Test
    void shouldRejectATitleLongerThan200Characters() {
        String json = """
                {"commandId":"%s","type":"item.create","entityId":"%s","data":{"title":"%s"}}
                """.formatted(Samples.COMMAND_ID, Samples.ENTITY_ID, "x".repeat(201));
        assertThat(fieldsRejected(json)).containsExactly("data.title");
    }

    @Test
    void shouldRequireExpectedVersionOnUpdateAndDelete() {
        String update = """
                {"commandId":"%s","type":"item.update","entityId":"%s","data":{"status":"done"}}
                """.formatted(Samples.COMMAND_ID, Samples.ENTITY_ID);
        String delete = """
                {"commandId":"%s","type":"item.delete","entityId":"%s"}
                """.formatted(Samples.COMMAND_ID, Samples.ENTITY_ID);
        assertThat(fieldsRejected(update)).contains("expectedVersion");
        assertThat(fieldsRejected(delete)).contains("expectedVersion");
    }

    @Test
    void shouldRejectUnknownTypeBadIdsAndUnknownFields() {
        String json = """
                {"commandId":"nope","type":"item.explode","entityId":"%s","extra":1}
                """.formatted(Samples.ENTITY_ID);
        assertThat(fieldsRejected(json)).contains("commandId", "type", "extra");
    }

    @Test
    void shouldRejectAnUpdateThatChangesNothing() {
        String json = """
                {"commandId":"%s","type":"item.update","entityId":"%s","expectedVersion":2,"data":{}}
                """.formatted(Samples.COMMAND_ID, Samples.ENTITY_ID);
        assertThat(fieldsRejected(json)).contains("data");
    }

    @Test
    void shouldRejectChaosRatesOutsideZeroToOne() {
        String json = """
                {"apiErrorRate":1.5,"queueDelayMs":{"min":0,"max":10},"processorFailureRate":0,
                 "processorCrashRate":-0.1,"publishFailureRate":0,"gatewayDisconnectRate":0}
                """;
        assertThat(validator.violations(MessageSchema.CHAOS_FLAGS, json)).extracting(Problem.FieldError::field)
                .contains("apiErrorRate", "processorCrashRate");
    }

    @Test
    void shouldRejectStatusEventAddressedToNobody() {
        String json = Json.write(new StatusEvent(Samples.EVENT_ID, Samples.NOW, null, null, Samples.succeeded()));
        assertThat(validator.violations(MessageSchema.STATUS_EVENT, json)).isNotEmpty();
    }

    @Test
    void shouldRejectFrameOfUnknownType() {
        assertThat(validator.violations(MessageSchema.FRAME, "{\"type\":\"surprise\"}")).isNotEmpty();
    }

    @Test
    void shouldRefuseInvalidJsonWhenReadingAcrossABoundary() {
        assertThatThrownBy(() -> validator.readValid(MessageSchema.CLIENT_REQUEST, "{\"type\":\"subscribe\"}",
                ClientRequest.class)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic");
        assertThat(validator.violations(MessageSchema.CLIENT_REQUEST, "not json"))
                .containsExactly(new Problem.FieldError("", "not JSON"));
    }

    @Test
    void shouldAcceptItemTopicsInRequestsAndLeaveOtherNamesToTheGateway() {
        assertThat(validator.violations(MessageSchema.CLIENT_REQUEST,
                "{\"type\":\"subscribe\",\"topic\":\"items/" + Samples.ENTITY_ID + "\"}")).isEmpty();
        assertThat(validator.violations(MessageSchema.CLIENT_REQUEST,
                "{\"type\":\"subscribe\",\"topic\":\"items/a/b\"}")).isNotEmpty();
        assertThat(Topics.isPublic(Topics.item(Samples.ENTITY_ID))).isTrue();
        assertThat(Topics.isPublic("items/not-a-uuid")).isFalse();
        assertThat(Topics.isPublic("admin")).isFalse();
        assertThat(Topics.entityIdOf(Topics.item(Samples.ENTITY_ID))).isEqualTo(Samples.ENTITY_ID);
    }

    @Test
    void shouldRejectAPresenceStateThatIsNotAnObject() {
        assertThat(validator.violations(MessageSchema.CLIENT_REQUEST,
                "{\"type\":\"presence.set\",\"topic\":\"items\",\"state\":\"editing\"}")).isNotEmpty();
    }

    @Test
    void shouldLetTheTolerantReaderAcceptUnknownFieldsButNoBrokenKnownOnes() {
        String withExtras = "{\"type\":\"welcome\",\"connectionId\":\"c\",\"userId\":\"alice\",\"resumed\":false,"
                + "\"region\":\"eu\"}";
        assertThat(validator.violations(MessageSchema.FRAME, withExtras)).isNotEmpty();
        assertThat(SchemaValidator.tolerant().violations(MessageSchema.FRAME, withExtras)).isEmpty();
        assertThat(SchemaValidator.tolerant().violations(MessageSchema.FRAME,
                withExtras.replace("\"resumed\":false", "\"resumed\":\"no\""))).isNotEmpty();
        assertThat(SchemaValidator.tolerant().violations(MessageSchema.FRAME, "{\"type\":\"welcome\",\"region\":\"eu\"}"))
                .isNotEmpty();
    }
}
