package dev.backchannel.gateway;

import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.testsupport.BrokerControlMBean;
import dev.backchannel.testsupport.BrokerTestResource;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.amqp.AmqpSenderOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;

/** A plain AMQP client publishing onto {@code status}, the way the processor does. */
public final class StatusPublisher implements AutoCloseable {

    private final AmqpClient client;
    private final AmqpSender sender;

    private StatusPublisher(AmqpClient client, AmqpSender sender) {
        this.client = client;
        this.sender = sender;
    }

    public static StatusPublisher connect(Vertx vertx) throws Exception {
        return connect(vertx, Addresses.STATUS);
    }

    /** A publisher onto another multicast address, such as {@code chaos}. */
    public static StatusPublisher connect(Vertx vertx, String address) throws Exception {
        BrokerControlMBean broker = BrokerTestResource.control();
        AmqpClient client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(broker.getHost())
                .setPort(broker.getPort()).setUsername(broker.getUsername()).setPassword(broker.getPassword()));
        AmqpSender sender = client.connect()
                .compose(connection -> connection.createSender(address,
                        new AmqpSenderOptions().addCapability("topic")))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new StatusPublisher(client, sender);
    }

    /** Publishes as JSON (content type application/json) and waits for the broker to settle it. */
    public void publish(StatusEvent event) throws Exception {
        send(AmqpMessage.create().durable(true).withJsonObjectAsBody(new JsonObject(Json.write(event))).build());
    }

    /** Publishes as the outbox relay does, with application properties (publishedAt, traceparent, ...). */
    public void publish(StatusEvent event, JsonObject applicationProperties) throws Exception {
        send(AmqpMessage.create().durable(true).applicationProperties(applicationProperties)
                .withJsonObjectAsBody(new JsonObject(Json.write(event))).build());
    }

    /** Publishes several events at once and waits until the broker settled all of them. */
    public void publishAll(java.util.List<StatusEvent> events) throws Exception {
        java.util.List<io.vertx.core.Future<?>> sent = events.stream()
                .<io.vertx.core.Future<?>>map(event -> sender.sendWithAck(AmqpMessage.create().durable(true)
                        .withJsonObjectAsBody(new JsonObject(Json.write(event))).build()))
                .toList();
        io.vertx.core.Future.all(sent).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Publishes any JSON document (content type application/json). */
    public void publishJson(String json) throws Exception {
        send(AmqpMessage.create().durable(true).withJsonObjectAsBody(new JsonObject(json)).build());
    }

    /** Publishes a raw string body, valid or not. */
    public void publishRaw(String body) throws Exception {
        send(AmqpMessage.create().durable(true).withBody(body).build());
    }

    private void send(AmqpMessage message) throws Exception {
        sender.sendWithAck(message).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
