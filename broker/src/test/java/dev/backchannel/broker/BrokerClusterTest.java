package dev.backchannel.broker;

import static dev.backchannel.schemas.Addresses.COMMANDS;
import static dev.backchannel.schemas.Addresses.STATUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.amqptest.AmqpTestClient;
import dev.backchannel.amqptest.AmqpTestClient.Received;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two brokers with a cluster connection act as one: a command sent to one reaches a processor on the
 * other, and every gateway node's subscription gets every status event once, wherever it was published.
 * (Both brokers run in this JVM here; {@code run.sh --cluster} and the e2e tests run each in its own.)
 */
class BrokerClusterTest {

    private static final Duration CLUSTER_FORMED = Duration.ofSeconds(20);

    @TempDir
    Path data;

    private EmbeddedBroker one;
    private EmbeddedBroker two;

    @BeforeEach
    void startTwoBrokers() {
        BrokerSettings base = BrokerSettings.forTests(data.resolve("one"));
        int clusterOne = BrokerSettings.freePort();
        int clusterTwo = BrokerSettings.freePort();
        one = EmbeddedBroker.start(base.withCluster(
                new ClusterSettings("broker-1", "127.0.0.1", clusterOne, List.of("127.0.0.1:" + clusterTwo))));
        two = EmbeddedBroker.start(base.withPort(BrokerSettings.freePort()).withDataDir(data.resolve("two"))
                .withCluster(new ClusterSettings("broker-2", "127.0.0.1", clusterTwo,
                        List.of("127.0.0.1:" + clusterOne))));
    }

    @AfterEach
    void stopBrokers() {
        two.close();
        one.close();
    }

    @Test
    void shouldHandACommandSentToOneBrokerToAProcessorOnTheOther() throws Exception {
        try (AmqpTestClient api = BrokerClients.connect(one); AmqpTestClient processor = BrokerClients.connect(two)) {
            Received processed = processor.receive(COMMANDS);
            await().atMost(CLUSTER_FORMED).until(() -> one.remoteQueueCount(COMMANDS) == 1);

            for (int i = 0; i < 20; i++) {
                api.send(COMMANDS, "command-" + i, "user-" + (i % 3));
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> processed.count() == 20);
            assertThat(processed.bodies()).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(0, 20).mapToObj(i -> "command-" + i).toList());
            assertThat(one.messageCount(COMMANDS)).isZero();
        }
    }

    // Redistribution moves only messages without a group id: grouped ones (every command names its user
    // as group id) wait for a processor on their own broker, which is why every broker needs processors.
    @Test
    void shouldMoveUngroupedCommandsWaitingOnABrokerWithoutProcessorsToOneWithAProcessor() throws Exception {
        try (AmqpTestClient api = BrokerClients.connect(one)) {
            await().atMost(CLUSTER_FORMED).until(() -> one.remoteQueueCount(COMMANDS) == 1);
            for (int i = 0; i < 10; i++) {
                api.send(COMMANDS, AmqpTestClient.durableText("waiting-" + i));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> one.messageCount(COMMANDS) == 10);

            try (AmqpTestClient processor = BrokerClients.connect(two)) {
                Received processed = processor.receive(COMMANDS);

                await().atMost(Duration.ofSeconds(20)).until(() -> processed.count() == 10);
                assertThat(processed.bodies()).doesNotHaveDuplicates();
                assertThat(one.messageCount(COMMANDS)).isZero();
            }
        }
    }

    @Test
    void shouldGiveEveryGatewaySubscriptionOnEitherBrokerEveryStatusEventOnce() throws Exception {
        try (AmqpTestClient onOne = BrokerClients.connect(one); AmqpTestClient onTwo = BrokerClients.connect(two)) {
            Received gatewayA = onOne.receive(STATUS);
            Received gatewayB = onOne.receive(STATUS);
            Received gatewayC = onTwo.receive(STATUS);
            await().atMost(CLUSTER_FORMED)
                    .until(() -> one.remoteQueueCount(STATUS) == 1 && two.remoteQueueCount(STATUS) == 2);

            for (int i = 0; i < 25; i++) {
                onOne.send(STATUS, "from-one-" + i, "alice");
                onTwo.send(STATUS, "from-two-" + i, "bob");
            }

            for (Received gateway : List.of(gatewayA, gatewayB, gatewayC)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> gateway.count() >= 50);
            }
            // nothing more arrives late: every subscription got each event exactly once
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> gatewayA.count() == 50 && gatewayB.count() == 50 && gatewayC.count() == 50);
            for (Received gateway : List.of(gatewayA, gatewayB, gatewayC)) {
                assertThat(gateway.bodies()).doesNotHaveDuplicates();
                // one user's events keep their order across the cluster bridge
                assertThat(gateway.bodiesContaining("from-two-"))
                        .containsExactlyElementsOf(IntStream.range(0, 25).mapToObj(i -> "from-two-" + i).toList());
            }
        }
    }
}
