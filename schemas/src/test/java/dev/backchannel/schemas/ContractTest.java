package dev.backchannel.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Java type serialises to JSON its schema accepts, and reads back to an equal value. */
class ContractTest {

    private final SchemaValidator validator = SchemaValidator.instance();

    static Stream<Arguments> samples() {
        Command create = Command.create(Samples.COMMAND_ID, Samples.ENTITY_ID, "Buy milk", ItemStatus.TODO);
        return Stream.of(
                Arguments.of(MessageSchema.COMMAND, create, Command.class),
                Arguments.of(MessageSchema.COMMAND, Command.update(Samples.COMMAND_ID, Samples.ENTITY_ID, 3,
                        new ItemFields(null, ItemStatus.DONE)), Command.class),
                Arguments.of(MessageSchema.COMMAND, Command.delete(Samples.COMMAND_ID, Samples.ENTITY_ID, 4),
                        Command.class),
                Arguments.of(MessageSchema.QUEUED_COMMAND, new QueuedCommand(create, "alice", Samples.NOW,
                        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), QueuedCommand.class),
                Arguments.of(MessageSchema.COMMAND_ACCEPTED, CommandAccepted.of(Samples.COMMAND_ID, Samples.NOW),
                        CommandAccepted.class),
                Arguments.of(MessageSchema.PROBLEM, Problem.invalid("body does not match the schema",
                        List.of(new Problem.FieldError("data.title", "is missing"))), Problem.class),
                Arguments.of(MessageSchema.PROBLEM, Problem.of(503, "Service Unavailable", "broker unavailable"),
                        Problem.class),
                Arguments.of(MessageSchema.SESSION_REQUEST, new SessionRequest("alice.b-2_x"), SessionRequest.class),
                Arguments.of(MessageSchema.SESSION, new Session("alice", "aaa.bbb.ccc", Samples.NOW), Session.class),
                Arguments.of(MessageSchema.ITEM, Samples.ITEM, Item.class),
                Arguments.of(MessageSchema.ITEM_LIST, new ItemList(List.of(Samples.ITEM), Samples.EVENT_ID),
                        ItemList.class),
                Arguments.of(MessageSchema.ITEM_LIST, new ItemList(List.of(), null), ItemList.class),
                Arguments.of(MessageSchema.COMMAND_STATUS, CommandStatus.of(Samples.succeeded()), CommandStatus.class),
                Arguments.of(MessageSchema.COMMAND_STATUS, CommandStatus.of(Samples.failed()), CommandStatus.class),
                Arguments.of(MessageSchema.STATUS_EVENT, StatusEvent.forUser("alice", Samples.succeeded(),
                        Samples.NOW), StatusEvent.class),
                Arguments.of(MessageSchema.STATUS_EVENT, StatusEvent.forTopic(Topics.ITEMS,
                        Samples.changed(Samples.ITEM), Samples.NOW), StatusEvent.class),
                Arguments.of(MessageSchema.FRAME, new Frame.Welcome("c-1", "alice", false), Frame.class),
                Arguments.of(MessageSchema.FRAME, Samples.succeeded(), Frame.class),
                Arguments.of(MessageSchema.FRAME, Samples.failed(), Frame.class),
                Arguments.of(MessageSchema.FRAME, Samples.changed(Samples.ITEM), Frame.class),
                Arguments.of(MessageSchema.FRAME, Samples.changed(null), Frame.class),
                Arguments.of(MessageSchema.FRAME, new Frame.Reset("replay window exceeded"), Frame.class),
                Arguments.of(MessageSchema.FRAME, new Frame.Error("bad_request", "not JSON"), Frame.class),
                Arguments.of(MessageSchema.CLIENT_REQUEST, new ClientRequest.Subscribe("items"), ClientRequest.class),
                Arguments.of(MessageSchema.CLIENT_REQUEST, new ClientRequest.Unsubscribe("items"),
                        ClientRequest.class),
                Arguments.of(MessageSchema.CLIENT_REQUEST, new ClientRequest.Resume(Samples.EVENT_ID),
                        ClientRequest.class),
                Arguments.of(MessageSchema.CHAOS_FLAGS, ChaosFlags.calm(500, 2000), ChaosFlags.class),
                Arguments.of(MessageSchema.STATUS_EVENT, StatusEvent.forTopic(Topics.item(Samples.ENTITY_ID),
                        Samples.changed(Samples.ITEM), Samples.NOW), StatusEvent.class),
                Arguments.of(MessageSchema.CLIENT_REQUEST, new ClientRequest.Subscribe(Topics.item(Samples.ENTITY_ID)),
                        ClientRequest.class),
                Arguments.of(MessageSchema.CLIENT_REQUEST, new ClientRequest.PresenceSet(
                        Topics.item(Samples.ENTITY_ID), Samples.EDITING_TITLE), ClientRequest.class),
                Arguments.of(MessageSchema.CLIENT_REQUEST, new ClientRequest.PresenceSet(
                        Topics.item(Samples.ENTITY_ID), null), ClientRequest.class),
                Arguments.of(MessageSchema.CLIENT_REQUEST, new ClientRequest.PresenceClear(
                        Topics.item(Samples.ENTITY_ID)), ClientRequest.class),
                Arguments.of(MessageSchema.CLIENT_REQUEST, new ClientRequest.TokenRefresh("aaa.bbb.ccc"),
                        ClientRequest.class),
                Arguments.of(MessageSchema.FRAME, new Frame.Presence(Topics.item(Samples.ENTITY_ID), List.of(
                        new Frame.Member("bob", 2, Samples.EDITING_TITLE, Samples.NOW),
                        new Frame.Member("carol", 1, null, Samples.NOW))), Frame.class),
                Arguments.of(MessageSchema.FRAME, new Frame.PresenceJoined(Topics.item(Samples.ENTITY_ID), "bob",
                        Samples.EDITING_TITLE, 1), Frame.class),
                Arguments.of(MessageSchema.FRAME, new Frame.PresenceChanged(Topics.item(Samples.ENTITY_ID), "bob",
                        null, 2), Frame.class),
                Arguments.of(MessageSchema.FRAME, new Frame.PresenceLeft(Topics.item(Samples.ENTITY_ID), "bob"),
                        Frame.class),
                Arguments.of(MessageSchema.FRAME, new Frame.TokenExpiring(Samples.NOW), Frame.class),
                Arguments.of(MessageSchema.FRAME, new Frame.TokenRefreshed(Samples.NOW), Frame.class),
                Arguments.of(MessageSchema.PRESENCE_MESSAGE, new PresenceMessage("gateway-1",
                        PresenceMessage.Kind.DELTA, Samples.NOW, List.of(new PresenceMessage.Entry(
                                Topics.item(Samples.ENTITY_ID), "bob", 2, Samples.EDITING_TITLE, Samples.NOW,
                                Samples.NOW))), PresenceMessage.class),
                Arguments.of(MessageSchema.PRESENCE_MESSAGE, new PresenceMessage("gateway-1",
                        PresenceMessage.Kind.GONE, Samples.NOW, List.of()), PresenceMessage.class),
                Arguments.of(MessageSchema.GATEWAY_NODE_CLAIM, GatewayNodeClaim.claim("gateway-a", "1f2e3d"),
                        GatewayNodeClaim.class),
                Arguments.of(MessageSchema.GATEWAY_NODE_CLAIM, GatewayNodeClaim.taken("gateway-a", "4c5b6a"),
                        GatewayNodeClaim.class));
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("samples")
    void javaTypeShouldSerialiseToJsonItsSchemaAcceptsAndReadBack(MessageSchema schema, Object value,
            Class<?> type) {
        String json = Json.write(value);

        assertThat(validator.violations(schema, json)).as(json).isEmpty();
        assertThat(Json.read(json, type)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("samples")
    void concreteFrameSerialisedOnItsOwnShouldStillCarryItsType(MessageSchema schema, Object value, Class<?> type) {
        if (value instanceof Frame || value instanceof ClientRequest) {
            assertThat(Json.mapper().valueToTree(value).path("type").asText()).isNotBlank();
        }
    }
}
