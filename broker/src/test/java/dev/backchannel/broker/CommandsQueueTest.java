package dev.backchannel.broker;

import static dev.backchannel.amqptest.AmqpTestClient.durableText;
import static dev.backchannel.amqptest.AmqpTestClient.withAnnotation;
import static dev.backchannel.amqptest.AmqpTestClient.withProperty;
import static dev.backchannel.schemas.Addresses.COMMANDS;
import static dev.backchannel.schemas.Addresses.COMMANDS_DLQ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.amqptest.AmqpTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsQueueTest {

    private static final long DELAY_MS = 1500;

    @TempDir
    Path dataDir;

    private BrokerSettings settings;
    private EmbeddedBroker broker;

    @BeforeEach
    void startBroker() {
        settings = BrokerSettings.forTests(dataDir);
        broker = EmbeddedBroker.start(settings);
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void shouldScheduleMessageWithDeliveryDelay() throws Exception {
        try (AmqpTestClient client = BrokerClients.connect(broker)) {
            AmqpTestClient.Received received = client.receive(COMMANDS);
            Instant sentAt = Instant.now();
            client.send(COMMANDS, withAnnotation(durableText("delayed"), "x-opt-delivery-delay", DELAY_MS));

            assertThat(broker.scheduledCount(COMMANDS)).isEqualTo(1);
            assertThat(broker.messageCount(COMMANDS)).isEqualTo(1);
            await().during(Duration.ofMillis(1000)).atMost(Duration.ofMillis(1300))
                    .until(() -> received.count() == 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> received.count() == 1);

            Duration waited = Duration.between(sentAt, received.deliveries().get(0).arrivedAt());
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(DELAY_MS));
            assertThat(received.bodies()).containsExactly("delayed");
            await().atMost(Duration.ofSeconds(2)).until(() -> broker.messageCount(COMMANDS) == 0);
        }
    }

    @Test
    void shouldDropMessageWithDuplicateId() throws Exception {
        try (AmqpTestClient client = BrokerClients.connect(broker)) {
            client.send(COMMANDS, withProperty(durableText("first"), "_AMQ_DUPL_ID", "command-42"));
            client.send(COMMANDS, withProperty(durableText("retry"), "_AMQ_DUPL_ID", "command-42"));
            client.send(COMMANDS, withProperty(durableText("other"), "_AMQ_DUPL_ID", "command-43"));

            assertThat(broker.messageCount(COMMANDS)).isEqualTo(2);
            AmqpTestClient.Received received = client.receive(COMMANDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> received.count() == 2);
            assertThat(received.bodies()).containsExactly("first", "other");
        }
    }

    @Test
    void shouldKeepDurableMessageAcrossRestart() throws Exception {
        try (AmqpTestClient client = BrokerClients.connect(broker)) {
            client.send(COMMANDS, durableText("survivor"));
        }
        broker.close();

        broker = EmbeddedBroker.start(settings);

        assertThat(broker.messageCount(COMMANDS)).isEqualTo(1);
        try (AmqpTestClient client = BrokerClients.connect(broker)) {
            AmqpTestClient.Received received = client.receive(COMMANDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> received.count() == 1);
            assertThat(received.bodies()).containsExactly("survivor");
        }
    }

    @Test
    void shouldDeadLetterCommandAfterMaxDeliveryAttempts() throws Exception {
        broker.close();
        broker = EmbeddedBroker.start(settings.withRedelivery(3, Duration.ofMillis(20)));

        try (AmqpTestClient client = BrokerClients.connect(broker)) {
            AmqpTestClient.Received attempts = client.receive(COMMANDS, message -> message.modified(true, false));
            client.send(COMMANDS, durableText("poison"));

            await().atMost(Duration.ofSeconds(5)).until(() -> broker.messageCount(COMMANDS_DLQ) == 1);
            assertThat(attempts.count()).isEqualTo(3);
            assertThat(broker.messageCount(COMMANDS)).isZero();
            AmqpTestClient.Received deadLetters = client.receive(COMMANDS_DLQ);
            await().atMost(Duration.ofSeconds(5)).until(() -> deadLetters.count() == 1);
            assertThat(deadLetters.bodies()).containsExactly("poison");
        }
    }

    @Test
    void shouldDeadLetterRejectedCommandImmediately() throws Exception {
        try (AmqpTestClient client = BrokerClients.connect(broker)) {
            AmqpTestClient.Received attempts = client.receive(COMMANDS, message -> message.rejected());
            client.send(COMMANDS, durableText("invalid"));

            await().atMost(Duration.ofSeconds(5)).until(() -> broker.messageCount(COMMANDS_DLQ) == 1);
            assertThat(attempts.count()).isEqualTo(1);
            assertThat(broker.messageCount(COMMANDS)).isZero();
        }
    }
}
