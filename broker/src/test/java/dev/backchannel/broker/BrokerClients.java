package dev.backchannel.broker;

import dev.backchannel.amqptest.AmqpTestClient;

/** The AMQP test client, signed in to a broker of these tests. */
final class BrokerClients {

    private BrokerClients() {
    }

    static AmqpTestClient connect(EmbeddedBroker broker) throws Exception {
        BrokerSettings settings = broker.settings();
        return AmqpTestClient.connect(settings.host(), settings.port(), settings.user(), settings.password());
    }
}
