package dev.backchannel.processor;

import dev.backchannel.amqptest.AmqpTestClient;
import dev.backchannel.schemas.Addresses;
import dev.backchannel.testsupport.BrokerTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test that sends to the test broker as api-command would and records every status event the
 * processor publishes, as a gateway node would. Subclasses are {@code @QuarkusTest}s with the broker
 * and key test resources.
 */
abstract class StatusListeningTest {

    /** A client on the test broker, connected for each test. */
    protected AmqpTestClient broker;

    /** Everything published on {@code status} during the test. */
    protected AmqpTestClient.Received status;

    @BeforeEach
    void listenToStatus() throws Exception {
        broker = BrokerTestResource.client();
        status = broker.receive(Addresses.STATUS);
    }

    @AfterEach
    void disconnect() throws Exception {
        broker.close();
    }
}
