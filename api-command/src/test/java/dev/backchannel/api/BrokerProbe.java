package dev.backchannel.api;

import dev.backchannel.amqptest.AmqpTestClient.Received.Delivery;
import dev.backchannel.amqptest.AmqpTestClient;
import dev.backchannel.testsupport.BrokerTestResource;
import java.util.List;

/** A consumer on a real broker address, recording what it got and when. */
final class BrokerProbe implements AutoCloseable {

    private final AmqpTestClient client;
    private final AmqpTestClient.Received received;

    BrokerProbe(String address) throws Exception {
        client = BrokerTestResource.client();
        received = client.receive(address);
    }

    /** Commands on the {@code commands} queue with this id. */
    List<Delivery> withCommandId(String commandId) {
        return received.deliveries().stream()
                .filter(r -> commandId.equals(r.message().bodyAsJsonObject().getJsonObject("command")
                        .getString("commandId")))
                .toList();
    }

    List<Delivery> all() {
        return received.deliveries();
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
