package dev.backchannel.broker;

import static dev.backchannel.amqptest.AmqpTestClient.durableText;
import static dev.backchannel.schemas.Addresses.CHAOS;
import static dev.backchannel.schemas.Addresses.STATUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.amqptest.AmqpTestClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BroadcastAddressesTest {

    @TempDir
    Path dataDir;

    private EmbeddedBroker broker;

    @BeforeEach
    void startBroker() {
        broker = EmbeddedBroker.start(BrokerSettings.forTests(dataDir));
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void shouldDeliverLastChaosFlagsToLateSubscriber() throws Exception {
        try (AmqpTestClient client = BrokerClients.connect(broker)) {
            client.send(CHAOS, durableText("{\"apiErrorRate\":0.1}"));
            client.send(CHAOS, durableText("{\"apiErrorRate\":0.2}"));

            AmqpTestClient.Received lateJoiner = client.receive(CHAOS);

            await().atMost(Duration.ofSeconds(5)).until(() -> lateJoiner.count() >= 1);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                    .until(() -> lateJoiner.count() == 1);
            assertThat(lateJoiner.bodies()).containsExactly("{\"apiErrorRate\":0.2}");
        }
    }

    @Test
    void shouldFanOutStatusToEverySubscriber() throws Exception {
        try (AmqpTestClient client = BrokerClients.connect(broker)) {
            AmqpTestClient.Received gatewayA = client.receive(STATUS);
            AmqpTestClient.Received gatewayB = client.receive(STATUS);

            client.send(STATUS, durableText("status-event"));

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> gatewayA.count() == 1 && gatewayB.count() == 1);
            assertThat(gatewayA.bodies()).containsExactly("status-event");
            assertThat(gatewayB.bodies()).containsExactly("status-event");
        }
    }
}
