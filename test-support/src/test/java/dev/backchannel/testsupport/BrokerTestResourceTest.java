package dev.backchannel.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backchannel.schemas.Addresses;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BrokerTestResourceTest {

    private final BrokerTestResource resource = new BrokerTestResource();

    @AfterEach
    void stopResource() {
        resource.stop();
    }

    @Test
    void shouldPointAmqpConnectorAtRunningBroker() {
        Map<String, String> config = resource.start();

        assertThat(config).containsEntry("amqp-host", "127.0.0.1")
                .containsEntry("amqp-port", String.valueOf(BrokerTestResource.control().getPort()))
                .containsEntry("amqp-username", "backchannel")
                .containsKey("amqp-password");
        assertThat(BrokerTestResource.broker().isRunning()).isTrue();
        assertThat(BrokerTestResource.messageCount(Addresses.COMMANDS)).isZero();
    }

    @Test
    void shouldRestartBrokerOnSamePortAfterOutage() {
        resource.start();
        int port = BrokerTestResource.control().getPort();

        BrokerTestResource.stopBroker();
        assertThat(BrokerTestResource.control().isRunning()).isFalse();
        BrokerTestResource.startBroker();

        assertThat(BrokerTestResource.control().isRunning()).isTrue();
        assertThat(BrokerTestResource.broker().port()).isEqualTo(port);
        assertThat(BrokerTestResource.scheduledCount(Addresses.COMMANDS)).isZero();
    }

    @Test
    void shouldWithdrawControlWhenStopped() {
        resource.start();
        resource.stop();

        assertThatThrownBy(BrokerTestResource::control).isInstanceOf(IllegalStateException.class);
    }
}
