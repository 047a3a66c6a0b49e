package dev.backchannel.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backchannel.amqptest.AmqpTestClient;
import dev.backchannel.schemas.Addresses;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerSecurityTest {

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
    void shouldAcceptClientWithRightPassword() throws Exception {
        try (AmqpTestClient client = BrokerClients.connect(broker)) {
            client.send(Addresses.COMMANDS, AmqpTestClient.durableText("hello"));
        }
        assertThat(broker.messageCount(Addresses.COMMANDS)).isEqualTo(1);
    }

    @Test
    void shouldRefuseClientWithWrongPassword() {
        BrokerSettings settings = broker.settings();
        assertThatThrownBy(() -> AmqpTestClient.connect(settings.host(), settings.port(), settings.user(), "wrong")
                .close()).isInstanceOf(Exception.class);
    }

    @Test
    void shouldRefuseAnonymousClient() {
        assertThatThrownBy(() -> AmqpTestClient.connect(broker.host(), broker.port(), null, null).close())
                .isInstanceOf(Exception.class);
    }

    @Test
    void shouldFailToStartWhenPortIsTaken(@TempDir Path otherDir) {
        assertThatThrownBy(() -> EmbeddedBroker.start(broker.settings().withDataDir(otherDir)))
                .isInstanceOf(EmbeddedBroker.BrokerStartException.class)
                .hasMessageContaining(broker.amqpUrl());
    }

    @Test
    void shouldReportUrlOfAmqpAcceptor() {
        assertThat(broker.amqpUrl()).isEqualTo("amqp://127.0.0.1:" + broker.port());
        assertThat(broker.isRunning()).isTrue();
    }
}
