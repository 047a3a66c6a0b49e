package dev.backchannel.e2e;

import dev.backchannel.schemas.Addresses;
import io.vertx.core.Vertx;
import io.vertx.proton.ProtonClient;
import io.vertx.proton.ProtonClientOptions;
import io.vertx.proton.ProtonConnection;
import io.vertx.proton.ProtonReceiver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.message.Message;

/**
 * What waits on the dead-letter queue {@value Addresses#COMMANDS_DLQ}, read over AMQP with the
 * broker's own credentials. It browses (distribution mode {@code copy}): the messages stay where
 * they are. Draining the link credit makes the broker hand over everything it holds and then say
 * so, so "empty" is the broker's answer, not a wait that happened to see nothing.
 */
final class ChaosDeadLetterQueue {

    private static final String BROKER_USER = "backchannel";

    private final RunningSystem system;

    ChaosDeadLetterQueue(RunningSystem system) {
        this.system = system;
    }

    /** Each dead-lettered message, as its id and body. */
    List<String> messages() {
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<List<String>> browsed = new CompletableFuture<>();
            ProtonClient.create(vertx).connect(new ProtonClientOptions(), "127.0.0.1",
                    system.url(Service.BROKER, "").getPort(), BROKER_USER, system.brokerPassword(), connected -> {
                        if (connected.failed()) {
                            browsed.completeExceptionally(connected.cause());
                            return;
                        }
                        ProtonConnection connection = connected.result();
                        connection.openHandler(opened -> {
                            if (opened.failed()) {
                                browsed.completeExceptionally(opened.cause());
                            } else {
                                browse(connection, browsed);
                            }
                        }).open();
                    });
            return browsed.orTimeout(30, TimeUnit.SECONDS).join();
        } finally {
            vertx.close();
        }
    }

    private static void browse(ProtonConnection connection, CompletableFuture<List<String>> browsed) {
        List<String> messages = new ArrayList<>();
        ProtonReceiver receiver = connection.createReceiver(Addresses.COMMANDS_DLQ);
        ((Source) receiver.getSource()).setDistributionMode(Symbol.valueOf("copy"));
        receiver.setPrefetch(0).handler((delivery, message) -> messages.add(describe(message)))
                .openHandler(attached -> {
                    if (attached.failed()) {
                        browsed.completeExceptionally(attached.cause());
                        return;
                    }
                    receiver.flow(10_000);
                    receiver.drain(20_000, drained -> {
                        connection.close();
                        if (drained.failed()) {
                            browsed.completeExceptionally(drained.cause());
                        } else {
                            browsed.complete(List.copyOf(messages));
                        }
                    });
                }).open();
    }

    private static String describe(Message message) {
        Object body = message.getBody();
        String text;
        if (body instanceof AmqpValue value) {
            text = String.valueOf(value.getValue());
        } else if (body instanceof Data data) {
            Binary binary = data.getValue();
            text = new String(binary.getArray(), binary.getArrayOffset(), binary.getLength(), StandardCharsets.UTF_8);
        } else {
            text = String.valueOf(body);
        }
        return message.getMessageId() + ": " + text;
    }
}
