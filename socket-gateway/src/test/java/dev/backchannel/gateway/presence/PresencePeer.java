package dev.backchannel.gateway.presence;

import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.PresenceMessage;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.testsupport.BrokerControlMBean;
import dev.backchannel.testsupport.BrokerTestResource;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.amqp.AmqpSender;
import io.vertx.amqp.AmqpSenderOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Another gateway node as the broker sees it: its own non-durable subscription to {@code presence}
 * (every message it receives is checked against the schema) and a sender of its own messages.
 */
final class PresencePeer implements AutoCloseable {

    private final AmqpClient client;
    private final AmqpSender sender;
    private final List<PresenceMessage> received = new CopyOnWriteArrayList<>();
    private final List<String> invalid = new CopyOnWriteArrayList<>();

    private PresencePeer(AmqpClient client, AmqpSender sender) {
        this.client = client;
        this.sender = sender;
    }

    static PresencePeer connect(Vertx vertx) throws Exception {
        BrokerControlMBean broker = BrokerTestResource.control();
        AmqpClient client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(broker.getHost())
                .setPort(broker.getPort()).setUsername(broker.getUsername()).setPassword(broker.getPassword()));
        AmqpConnection connection = client.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        AmqpSender sender = connection.createSender(Addresses.PRESENCE, new AmqpSenderOptions().addCapability("topic"))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        PresencePeer peer = new PresencePeer(client, sender);
        connection.createReceiver(Addresses.PRESENCE, new AmqpReceiverOptions().addCapability("topic"))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                .handler(message -> peer.receive(message.bodyAsJsonObject()));
        return peer;
    }

    private void receive(JsonObject body) {
        if (!SchemaValidator.instance().violations(MessageSchema.PRESENCE_MESSAGE, body.encode()).isEmpty()) {
            invalid.add(body.encode());
        }
        received.add(Json.read(body.encode(), PresenceMessage.class));
    }

    void send(PresenceMessage message) throws Exception {
        sender.sendWithAck(AmqpMessage.create().durable(false).withJsonObjectAsBody(new JsonObject(Json.write(message)))
                .build()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Messages of {@code node} received so far. */
    List<PresenceMessage> from(String node) {
        return received.stream().filter(m -> m.node().equals(node)).toList();
    }

    List<String> invalid() {
        return invalid;
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
