package dev.backchannel.api.commands;

import dev.backchannel.service.messaging.BrokerConnection;
import dev.backchannel.api.config.ApiConfig;
import dev.backchannel.schemas.Addresses;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.amqp.AmqpSenderOptions;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * One AMQP connection with one sender to {@link Addresses#COMMANDS}, shared by every request: each
 * send completes when the broker has settled (accepted) that message, and many are in flight at once.
 * Opened at start-up and again on the first send after it was lost.
 *
 * <p>Used instead of a Reactive Messaging emitter: under load the connector's sender held messages
 * back for seconds (waits on {@code AbstractEmitter.emit} and on settlement while the broker itself
 * settled in a few milliseconds), which made every {@code 202} slow. See
 * {@code docs/performance-command-path.md}.
 */
@ApplicationScoped
public class CommandLink {

    private static final Logger LOG = Logger.getLogger(CommandLink.class);

    private final Vertx vertx;
    private final AmqpClientOptions options;

    /** The sender being opened or open; replaced after a failure. Guarded by {@code this}. */
    private CompletableFuture<AmqpSender> sender;
    private AmqpClient client;
    private volatile AmqpConnection connection;
    private volatile boolean linked;

    CommandLink(Vertx vertx, ApiConfig config, BrokerConnection broker) {
        this.vertx = vertx;
        this.options = broker.options().setReconnectAttempts(0)
                .setConnectTimeout((int) config.enqueueTimeout().toMillis());
    }

    void start(@Observes StartupEvent started) {
        open();
    }

    synchronized void stop(@Observes ShutdownEvent stopping) {
        linked = false;
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** Whether the sender is attached now. */
    public boolean linked() {
        AmqpConnection current = connection;
        return linked && current != null && !current.isDisconnected();
    }

    /** Starts opening the link if it is down (never blocks). */
    public void reconnect() {
        open();
    }

    /** Completes once the broker has settled {@code message}; fails if it refused it or the link is down. */
    public CompletionStage<Void> send(AmqpMessage message) {
        return open().thenCompose(open -> open.sendWithAck(message).toCompletionStage());
    }

    private synchronized CompletableFuture<AmqpSender> open() {
        if (sender != null && !sender.isCompletedExceptionally() && (!sender.isDone() || linked())) {
            return sender; // opening or open
        }
        if (client != null) {
            client.close();
        }
        AmqpClient opening = AmqpClient.create(vertx, new AmqpClientOptions(options));
        client = opening;
        CompletableFuture<AmqpSender> attached = opening.connect()
                .compose(connected -> {
                    connection = connected;
                    connected.exceptionHandler(failure -> lost(opening, failure));
                    connected.closeFuture().onComplete(closed -> lost(opening, null));
                    return connected.createSender(Addresses.COMMANDS, new AmqpSenderOptions().addCapability("queue"));
                })
                .toCompletionStage().toCompletableFuture();
        sender = attached;
        attached.whenComplete((open, failure) -> {
            if (failure == null) {
                open.exceptionHandler(e -> lost(opening, e));
                linked = true;
            } else {
                lost(opening, failure);
            }
        });
        return attached;
    }

    private synchronized void lost(AmqpClient which, Throwable failure) {
        if (which != client) {
            return; // an older connection
        }
        if (linked) {
            LOG.warnf("Link to %s lost%s; reopening on the next command", Addresses.COMMANDS,
                    failure == null ? "" : ": " + failure);
        }
        linked = false;
        CompletableFuture<AmqpSender> current = sender;
        if (current != null && current.isDone() && !current.isCompletedExceptionally()) {
            sender = CompletableFuture.failedFuture(failure != null ? failure
                    : new IllegalStateException("the link to " + Addresses.COMMANDS + " was closed"));
        }
    }
}
