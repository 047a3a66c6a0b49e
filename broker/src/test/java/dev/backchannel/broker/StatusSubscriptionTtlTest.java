package dev.backchannel.broker;

import static dev.backchannel.amqptest.AmqpTestClient.durableText;
import static dev.backchannel.schemas.Addresses.STATUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.amqptest.AmqpTestClient;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gateway node's durable subscription to status (container id = link name = node id), as the gateway opens it. */
class StatusSubscriptionTtlTest {

    private static final String NODE = "gateway-ttl";
    private static final String SUBSCRIPTION_QUEUE = NODE + "." + NODE;

    @TempDir
    Path dataDir;

    private EmbeddedBroker broker;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        settle(vertx.close());
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldDeliverStatusEventsPublishedWhileTheNodeWasAwayWhenItReturnsWithinTheTtl() throws Exception {
        broker = EmbeddedBroker.start(BrokerSettings.forTests(dataDir).withStatusTtl(Duration.ofMinutes(1)));
        subscribeAsNode().close();
        publish("event-1", "event-2", "event-3");

        List<String> received = new CopyOnWriteArrayList<>();
        // the listener is in place before the link attaches: the waiting events arrive at once
        try (NodeLink returned = subscribeAsNode(received::add)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
        }
        assertThat(received).containsExactly("event-1", "event-2", "event-3");
    }

    @Test
    void shouldExpireStatusEventsOfANodeThatNeverReturnsAfterTheTtl() throws Exception {
        broker = EmbeddedBroker.start(BrokerSettings.forTests(dataDir).withStatusTtl(Duration.ofMillis(600)));
        subscribeAsNode().close();

        publish("event-1", "event-2", "event-3");

        assertThat(broker.messageCount(SUBSCRIPTION_QUEUE)).as("queued for the absent node").isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.messageCount(SUBSCRIPTION_QUEUE) == 0);
    }

    @Test
    void shouldRemoveTheSubscriptionOfANodeAwayLongerThanTheOrphanDelay() throws Exception {
        broker = EmbeddedBroker.start(BrokerSettings.forTests(dataDir).withStatusOrphanAfter(Duration.ofMillis(800)));
        try (NodeLink attached = subscribeAsNode()) {
            // a subscription with its node attached is never removed
            await().during(Duration.ofMillis(1600)).atMost(Duration.ofSeconds(3))
                    .until(() -> broker.localQueueNames(STATUS).contains(SUBSCRIPTION_QUEUE));
        }
        publish("event-1");

        await().atMost(Duration.ofSeconds(10)).until(() -> !broker.localQueueNames(STATUS).contains(SUBSCRIPTION_QUEUE));
    }

    private void publish(String... bodies) throws Exception {
        try (AmqpTestClient client = BrokerClients.connect(broker)) {
            for (String body : bodies) {
                client.send(STATUS, durableText(body));
            }
        }
    }

    private NodeLink subscribeAsNode() throws Exception {
        return subscribeAsNode(body -> {
        });
    }

    private NodeLink subscribeAsNode(java.util.function.Consumer<String> listener) throws Exception {
        BrokerSettings settings = broker.settings();
        AmqpClient client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(settings.host())
                .setPort(settings.port()).setUsername(settings.user()).setPassword(settings.password())
                .setContainerId(NODE).setReconnectAttempts(0));
        NodeLink link = new NodeLink(client, listener);
        settle(client.connect().compose(connection -> connection.createReceiver(STATUS, new AmqpReceiverOptions()
                .setDurable(true).setLinkName(NODE).addCapability("topic").setAutoAcknowledgement(false)))
                .map(receiver -> receiver.handler(link::deliver)));
        return link;
    }

    private static <T> T settle(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** One node's connection; closing it detaches the subscription (it stays on the broker). */
    private static final class NodeLink implements AutoCloseable {
        private final AmqpClient client;
        private final java.util.function.Consumer<String> listener;

        NodeLink(AmqpClient client, java.util.function.Consumer<String> listener) {
            this.client = client;
            this.listener = listener;
        }

        void deliver(AmqpMessage message) {
            listener.accept(message.bodyAsString());
            message.accepted();
        }

        @Override
        public void close() throws Exception {
            settle(client.close());
        }
    }
}
