package dev.backchannel.broker;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.MessageAnnotations;
import org.apache.qpid.proton.message.Message;

/** A real AMQP 1.0 client (Vert.x) with blocking helpers, for tests only. */
final class AmqpTestClient implements AutoCloseable {

    private final Vertx vertx;
    private final AmqpClient client;
    private final AmqpConnection connection;

    private AmqpTestClient(Vertx vertx, AmqpClient client, AmqpConnection connection) {
        this.vertx = vertx;
        this.client = client;
        this.connection = connection;
    }

    static AmqpTestClient connect(EmbeddedBroker broker) throws Exception {
        BrokerSettings settings = broker.settings();
        return connect(settings.host(), settings.port(), settings.user(), settings.password());
    }

    /** Connects and authenticates (SASL PLAIN, or ANONYMOUS when user is null); throws when refused. */
    static AmqpTestClient connect(String host, int port, String user, String password) throws Exception {
        Vertx vertx = Vertx.vertx();
        AmqpClientOptions options = new AmqpClientOptions().setHost(host).setPort(port)
                .setConnectTimeout(5_000).setReconnectAttempts(0);
        if (user != null) {
            options.setUsername(user).setPassword(password);
        }
        AmqpClient client = AmqpClient.create(vertx, options);
        try {
            return new AmqpTestClient(vertx, client, await(client.connect()));
        } catch (Exception e) {
            await(client.close());
            await(vertx.close());
            throw e;
        }
    }

    /** Sends and waits until the broker has settled the message. */
    void send(String address, Message message) throws Exception {
        AmqpSender sender = await(connection.createSender(address));
        try {
            await(sender.sendWithAck(AmqpMessage.create(message).build()));
        } finally {
            await(sender.close());
        }
    }

    /** Subscribes; every message is accepted after it is recorded. */
    Received receive(String address) throws Exception {
        return receive(address, AmqpMessage::accepted);
    }

    /** Subscribes; {@code settle} decides each message's outcome (accept, reject, modified...). */
    Received receive(String address, Consumer<AmqpMessage> settle) throws Exception {
        Received received = new Received();
        AmqpReceiverOptions options = new AmqpReceiverOptions().setAutoAcknowledgement(false);
        await(connection.createReceiver(address, options)).handler(message -> {
            received.add(message);
            settle.accept(message);
        });
        return received;
    }

    static Message durableText(String body) {
        Message message = Message.Factory.create();
        message.setBody(new AmqpValue(body));
        message.setDurable(true);
        return message;
    }

    static Message withAnnotation(Message message, String key, Object value) {
        Map<Symbol, Object> annotations = new HashMap<>();
        annotations.put(Symbol.valueOf(key), value);
        message.setMessageAnnotations(new MessageAnnotations(annotations));
        return message;
    }

    static Message withProperty(Message message, String key, Object value) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(key, value);
        message.setApplicationProperties(new ApplicationProperties(properties));
        return message;
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

    /** Messages a subscription has seen, with the instant each arrived. */
    static final class Received {
        record Delivery(String body, Instant arrivedAt, int deliveryCount) {
        }

        private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

        private void add(AmqpMessage message) {
            deliveries.add(new Delivery(message.bodyAsString(), Instant.now(), message.deliveryCount()));
        }

        List<Delivery> deliveries() {
            return List.copyOf(deliveries);
        }

        List<String> bodies() {
            return deliveries.stream().map(Delivery::body).toList();
        }

        int count() {
            return deliveries.size();
        }
    }
}
