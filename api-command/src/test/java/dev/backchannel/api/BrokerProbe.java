package dev.backchannel.api;

import dev.backchannel.testsupport.BrokerControlMBean;
import dev.backchannel.testsupport.BrokerTestResource;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A consumer on a real broker address, recording what it got and when. */
final class BrokerProbe implements AutoCloseable {

    record Received(AmqpMessage message, Instant at) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final AmqpClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    BrokerProbe(String address) throws Exception {
        BrokerControlMBean broker = BrokerTestResource.control();
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(broker.getHost()).setPort(broker.getPort())
                .setUsername(broker.getUsername()).setPassword(broker.getPassword()));
        AmqpConnection connection = client.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        connection.createReceiver(address).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .handler(message -> received.add(new Received(message, Instant.now())));
    }

    /** Commands on the {@code commands} queue with this id. */
    List<Received> withCommandId(String commandId) {
        return received.stream()
                .filter(r -> commandId.equals(r.message().bodyAsJsonObject().getJsonObject("command")
                        .getString("commandId")))
                .toList();
    }

    List<Received> all() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
