package dev.backchannel.amqptest;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PfxOptions;
import java.nio.file.Path;
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

/**
 * A real AMQP 1.0 client (Vert.x) with blocking calls, for tests only: sends as a producer would
 * and waits for the broker's settlement; subscribes and records what arrives, and when.
 */
public final class AmqpTestClient implements AutoCloseable {

    private final Vertx vertx;
    private final AmqpClient client;
    private final AmqpConnection connection;
    private AmqpSender anonymous;

    private AmqpTestClient(Vertx vertx, AmqpClient client, AmqpConnection connection) {
        this.vertx = vertx;
        this.client = client;
        this.connection = connection;
    }

    /** Connects and authenticates (SASL PLAIN, or ANONYMOUS when user is null); throws when refused. */
    public static AmqpTestClient connect(String host, int port, String user, String password) throws Exception {
        return connect(options(host, port, user, password));
    }

    /**
     * Connects over TLS (AMQPS), trusting only the certificates in the PKCS#12 {@code trustStore} and
     * checking that the broker's certificate names {@code host}; throws when refused.
     */
    public static AmqpTestClient connectTls(String host, int port, String user, String password, Path trustStore,
            String trustStorePassword) throws Exception {
        AmqpClientOptions options = options(host, port, user, password);
        options.setSsl(true).setHostnameVerificationAlgorithm("HTTPS")
                .setPfxTrustOptions(new PfxOptions().setPath(trustStore.toString()).setPassword(trustStorePassword));
        return connect(options);
    }

    private static AmqpClientOptions options(String host, int port, String user, String password) {
        AmqpClientOptions options = new AmqpClientOptions().setHost(host).setPort(port)
                .setConnectTimeout(5_000).setReconnectAttempts(0);
        if (user != null) {
            options.setUsername(user).setPassword(password);
        }
        return options;
    }

    private static AmqpTestClient connect(AmqpClientOptions options) throws Exception {
        Vertx vertx = Vertx.vertx();
        AmqpClient client = AmqpClient.create(vertx, options);
        try {
            return new AmqpTestClient(vertx, client, await(client.connect()));
        } catch (Exception e) {
            await(client.close());
            await(vertx.close());
            throw e;
        }
    }

    /** Sends through a sender on {@code address} and waits until the broker has settled the message. */
    public void send(String address, Message message) throws Exception {
        AmqpSender sender = await(connection.createSender(address));
        try {
            await(sender.sendWithAck(AmqpMessage.create(message).build()));
        } finally {
            await(sender.close());
        }
    }

    /**
     * Sends a durable text body with AMQP group-id {@code groupId} through the anonymous sender, as
     * the services' connectors do; waits for the broker to settle it.
     */
    public synchronized void send(String address, String body, String groupId) throws Exception {
        if (anonymous == null) {
            anonymous = await(connection.createAnonymousSender());
        }
        Message message = durableText(body);
        message.setAddress(address);
        message.setGroupId(groupId);
        await(anonymous.sendWithAck(AmqpMessage.create(message).build()));
    }

    /** Subscribes; every message is accepted after it is recorded. */
    public Received receive(String address) throws Exception {
        return receive(address, AmqpMessage::accepted);
    }

    /** Subscribes; {@code settle} decides each message's outcome (accept, reject, modified...). */
    public Received receive(String address, Consumer<AmqpMessage> settle) throws Exception {
        Received received = new Received();
        AmqpReceiverOptions options = new AmqpReceiverOptions().setAutoAcknowledgement(false);
        await(connection.createReceiver(address, options)).handler(message -> {
            received.add(message);
            settle.accept(message);
        });
        return received;
    }

    public static Message durableText(String body) {
        Message message = Message.Factory.create();
        message.setBody(new AmqpValue(body));
        message.setDurable(true);
        return message;
    }

    public static Message withAnnotation(Message message, String key, Object value) {
        Map<Symbol, Object> annotations = new HashMap<>();
        annotations.put(Symbol.valueOf(key), value);
        message.setMessageAnnotations(new MessageAnnotations(annotations));
        return message;
    }

    public static Message withProperty(Message message, String key, Object value) {
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

    /** Messages one subscription has seen, in arrival order. */
    public static final class Received {

        /** A message as it arrived, and when. */
        public record Delivery(AmqpMessage message, Instant arrivedAt) {

            public String body() {
                return message.bodyAsString();
            }

            public String groupId() {
                return message.groupId();
            }

            public String messageId() {
                Object id = message.unwrap().getMessageId();
                return id == null ? null : id.toString();
            }

            /** Its application properties; empty when it has none. */
            public JsonObject applicationProperties() {
                JsonObject properties = message.applicationProperties();
                return properties == null ? new JsonObject() : properties;
            }

            public int deliveryCount() {
                return message.deliveryCount();
            }
        }

        private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

        private void add(AmqpMessage message) {
            deliveries.add(new Delivery(message, Instant.now()));
        }

        public List<Delivery> deliveries() {
            return List.copyOf(deliveries);
        }

        public List<String> bodies() {
            return deliveries.stream().map(Delivery::body).toList();
        }

        public int count() {
            return deliveries.size();
        }

        /** Messages whose body contains {@code text}, in arrival order. */
        public List<Delivery> containing(String text) {
            return deliveries.stream().filter(delivery -> delivery.body().contains(text)).toList();
        }

        /** Bodies that contain {@code text}, in arrival order. */
        public List<String> bodiesContaining(String text) {
            return bodies().stream().filter(body -> body.contains(text)).toList();
        }
    }
}
