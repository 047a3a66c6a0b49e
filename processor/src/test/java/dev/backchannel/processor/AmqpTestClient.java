package dev.backchannel.processor;

import dev.backchannel.testsupport.BrokerControlMBean;
import dev.backchannel.testsupport.BrokerTestResource;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.message.Message;

/** A plain AMQP 1.0 client on the test broker: sends as the api would, listens as a gateway would. */
public final class AmqpTestClient implements AutoCloseable {

    private final Vertx vertx;
    private final AmqpClient client;
    private final AmqpConnection connection;
    private final AmqpSender sender;

    private AmqpTestClient(Vertx vertx, AmqpClient client, AmqpConnection connection, AmqpSender sender) {
        this.vertx = vertx;
        this.client = client;
        this.connection = connection;
        this.sender = sender;
    }

    public static AmqpTestClient connect() throws Exception {
        BrokerControlMBean broker = BrokerTestResource.control();
        Vertx vertx = Vertx.vertx();
        AmqpClient client = AmqpClient.create(vertx, new AmqpClientOptions()
                .setHost(broker.getHost()).setPort(broker.getPort())
                .setUsername(broker.getUsername()).setPassword(broker.getPassword())
                .setConnectTimeout(5_000).setReconnectAttempts(0));
        AmqpConnection connection = await(client.connect());
        return new AmqpTestClient(vertx, client, connection, await(connection.createAnonymousSender()));
    }

    /** Sends a durable text body with AMQP group-id {@code groupId}; waits for the broker to settle it. */
    public void send(String address, String body, String groupId) throws Exception {
        Message message = Message.Factory.create();
        message.setAddress(address);
        message.setBody(new AmqpValue(body));
        message.setDurable(true);
        message.setGroupId(groupId);
        await(sender.sendWithAck(AmqpMessage.create(message).build()));
    }

    /** Subscribes to {@code address}, accepting and recording every message. */
    public Received receive(String address) throws Exception {
        Received received = new Received();
        await(connection.createReceiver(address, new AmqpReceiverOptions())).handler(received::add);
        return received;
    }

    @Override
    public void close() throws Exception {
        try {
            await(client.close());
        } finally {
            await(vertx.close());
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Messages one subscription has seen, in arrival order. */
    public static final class Received {

        /** A message as it arrived: body text, AMQP group-id, message id, application properties. */
        public record Delivery(String body, String groupId, String messageId, JsonObject applicationProperties) {
        }

        private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

        private void add(AmqpMessage message) {
            Object id = message.unwrap().getMessageId();
            JsonObject properties = message.applicationProperties();
            deliveries.add(new Delivery(message.bodyAsString(), message.groupId(), id == null ? null : id.toString(),
                    properties == null ? new JsonObject() : properties));
        }

        public List<Delivery> deliveries() {
            return List.copyOf(deliveries);
        }

        /** Messages whose body contains {@code text}, in arrival order. */
        public List<Delivery> containing(String text) {
            return deliveries.stream().filter(delivery -> delivery.body().contains(text)).toList();
        }

        /** Bodies that contain {@code text}, in arrival order. */
        public List<String> bodiesContaining(String text) {
            return deliveries.stream().map(Delivery::body).filter(body -> body.contains(text)).toList();
        }
    }
}
