package dev.backchannel.processor;

import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpSenderOptions;
import io.vertx.mutiny.amqp.AmqpClient;
import io.vertx.mutiny.amqp.AmqpConnection;
import io.vertx.mutiny.amqp.AmqpMessage;
import io.vertx.mutiny.amqp.AmqpSender;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One AMQP connection with one sender to one address, opened on first use and again after it is
 * lost. Messages are sent in the order given, on one link, and each batch waits for the broker to
 * settle them.
 *
 * <p>Used instead of Reactive Messaging emitters for two reasons seen here: the connector's
 * sender may put a message emitted from the caller's thread behind messages it drains from its
 * buffer on the event loop (events arrive out of order), and an outgoing channel whose connection
 * dropped stays "KO" in liveness after the broker is back.
 */
public final class AmqpLink {

    private final Vertx vertx;
    private final AmqpClientOptions options;
    private final String address;
    private final String capability;

    private AmqpClient client;
    private AmqpConnection connection;
    private AmqpSender sender;
    private volatile boolean linked;
    private volatile Throwable lastFailure;

    public AmqpLink(Vertx vertx, AmqpClientOptions options, String address, String capability) {
        this.vertx = vertx;
        this.options = options;
        this.address = address;
        this.capability = capability;
    }

    /** Whether the link is up now. */
    public boolean linked() {
        AmqpConnection current = connection;
        return linked && current != null && !current.isDisconnected();
    }

    /** Sends in order, then waits; returns how many from the start the broker settled within {@code timeout}. */
    public synchronized int send(List<AmqpMessage> messages, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<Void>> settlements = new ArrayList<>(messages.size());
        try {
            AmqpSender link = open(timeout);
            for (AmqpMessage message : messages) {
                settlements.add(link.sendWithAck(message).subscribeAsCompletionStage());
            }
        } catch (RuntimeException e) {
            fail(e);
        }
        int settled = 0;
        for (CompletableFuture<Void> settlement : settlements) {
            try {
                settlement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                settled++;
            } catch (ExecutionException e) {
                fail(e.getCause());
                break;
            } catch (TimeoutException e) {
                fail(new TimeoutException("the broker did not settle within " + timeout));
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
                break;
            }
        }
        return settled;
    }

    /** Opens the link if it is down; true when it is up. */
    public synchronized boolean connect(Duration timeout) {
        try {
            open(timeout);
            return true;
        } catch (RuntimeException e) {
            fail(e);
            return false;
        }
    }

    /** Why the last send or connect failed, for the log. */
    public String lastFailure() {
        Throwable failure = lastFailure;
        return failure == null ? "unknown" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    public synchronized void close() {
        linked = false;
        sender = null;
        connection = null;
        if (client != null) {
            client.closeAndForget();
            client = null;
        }
    }

    private AmqpSender open(Duration timeout) {
        if (sender != null && linked()) {
            return sender;
        }
        close();
        client = AmqpClient.create(vertx, new AmqpClientOptions(options));
        connection = client.connect().await().atMost(timeout);
        connection.exceptionHandler(e -> linked = false);
        sender = connection.createSender(address, new AmqpSenderOptions().addCapability(capability))
                .await().atMost(timeout);
        sender.exceptionHandler(e -> linked = false);
        linked = true;
        return sender;
    }

    private void fail(Throwable failure) {
        lastFailure = failure;
        close();
    }
}
