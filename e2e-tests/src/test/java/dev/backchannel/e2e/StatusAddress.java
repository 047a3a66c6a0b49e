package dev.backchannel.e2e;

import static dev.backchannel.launcher.SystemLauncher.BROKER_USER;

import dev.backchannel.schemas.Addresses;
import io.vertx.core.Vertx;
import io.vertx.proton.ProtonClient;
import io.vertx.proton.ProtonClientOptions;
import io.vertx.proton.ProtonConnection;
import io.vertx.proton.ProtonSender;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.message.Message;

/**
 * Publishes raw bodies on {@code status}, as "any service" may (contract v2): for tests that throw
 * what a careless or newer producer might send at the gateway nodes. One connection, one sender.
 */
final class StatusAddress implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final ProtonConnection connection;
    private final ProtonSender sender;

    StatusAddress(RunningSystem system) {
        CompletableFuture<ProtonConnection> connected = new CompletableFuture<>();
        ProtonClient.create(vertx).connect(new ProtonClientOptions(), "127.0.0.1",
                system.url(Service.BROKER, "").getPort(), BROKER_USER, system.brokerPassword(), result -> {
                    if (result.failed()) {
                        connected.completeExceptionally(result.cause());
                    } else {
                        result.result().openHandler(opened -> {
                            if (opened.failed()) {
                                connected.completeExceptionally(opened.cause());
                            } else {
                                connected.complete(opened.result());
                            }
                        }).open();
                    }
                });
        this.connection = connected.orTimeout(20, TimeUnit.SECONDS).join();
        CompletableFuture<ProtonSender> attached = new CompletableFuture<>();
        vertx.runOnContext(ignored -> {
            ProtonSender created = connection.createSender(Addresses.STATUS);
            created.openHandler(opened -> {
                if (opened.failed()) {
                    attached.completeExceptionally(opened.cause());
                } else {
                    attached.complete(created);
                }
            }).open();
        });
        this.sender = attached.orTimeout(20, TimeUnit.SECONDS).join();
    }

    /** Sends {@code body} as a durable text message grouped by {@code groupId}; waits until the broker took it. */
    void publish(String body, String groupId) {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        vertx.runOnContext(ignored -> {
            Message message = Message.Factory.create();
            message.setDurable(true);
            message.setContentType("application/json");
            message.setGroupId(groupId);
            message.setBody(new AmqpValue(body));
            sender.send(message, delivery -> settled.complete(null));
        });
        settled.orTimeout(20, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        vertx.runOnContext(ignored -> connection.close());
        vertx.close();
    }
}
