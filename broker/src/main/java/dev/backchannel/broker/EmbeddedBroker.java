package dev.backchannel.broker;

import java.nio.file.Files;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.postoffice.impl.LocalQueueBinding;
import org.apache.activemq.artemis.core.server.cluster.RemoteQueueBinding;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;

/**
 * An Artemis broker running in this JVM with one AMQP acceptor. {@link #start} blocks until the
 * acceptor is up; {@link #close} stops it. Starting again with the same settings reuses the
 * journal, so durable messages survive.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final BrokerSettings settings;
    private final ActiveMQServer server;
    private final OrphanSubscriptions orphans;

    private EmbeddedBroker(BrokerSettings settings, ActiveMQServer server) {
        this.settings = settings;
        this.server = server;
        this.orphans = OrphanSubscriptions.start(server, settings.statusOrphanAfter());
    }

    public static EmbeddedBroker start(BrokerSettings settings) {
        ActiveMQServer server = null;
        try {
            Files.createDirectories(settings.dataDir());
            server = ActiveMQServers.newActiveMQServer(
                    BrokerConfiguration.of(settings), null, BrokerConfiguration.securityManager(settings), true);
            server.start();
            // A primary-only server activates inside start(). Artemis logs a failed bind (port taken)
            // and leaves the server inactive, but start() returns normally: check, do not wait.
            if (!server.isActive() || !isAcceptorListening(server)) {
                throw new IllegalStateException("AMQP acceptor is not listening (port taken?)");
            }
            return new EmbeddedBroker(settings, server);
        } catch (Exception e) {
            stopQuietly(server);
            throw new BrokerStartException(settings, e);
        }
    }

    public BrokerSettings settings() {
        return settings;
    }

    public String host() {
        return settings.host();
    }

    public int port() {
        return settings.port();
    }

    public String amqpUrl() {
        return settings.amqpUrl();
    }

    public boolean isRunning() {
        return server.isStarted() && server.isActive();
    }

    /** Messages in the queue: ready, in delivery and scheduled (delayed). 0 if the queue does not exist. */
    public long messageCount(String queueName) {
        Queue queue = server.locateQueue(queueName);
        return queue == null ? 0 : queue.getMessageCount();
    }

    /** Messages in the queue that are delayed and not yet deliverable. */
    public long scheduledCount(String queueName) {
        Queue queue = server.locateQueue(queueName);
        return queue == null ? 0 : queue.getScheduledCount();
    }

    /** Queues of other brokers of the cluster bound to {@code address} here (the cluster's view of them). */
    public long remoteQueueCount(String address) throws Exception {
        var bindings = server.getPostOffice().lookupBindingsForAddress(SimpleString.of(address));
        return bindings == null ? 0 : bindings.getBindings().stream()
                .filter(binding -> binding instanceof RemoteQueueBinding).count();
    }

    /** Names of this broker's own queues bound to {@code address} (for {@code status}: the subscriptions). */
    public java.util.List<String> localQueueNames(String address) throws Exception {
        var bindings = server.getPostOffice().lookupBindingsForAddress(SimpleString.of(address));
        return bindings == null ? java.util.List.of() : bindings.getBindings().stream()
                .filter(binding -> binding instanceof LocalQueueBinding)
                .map(binding -> binding.getUniqueName().toString()).toList();
    }

    /** The broker's queue depths, consumers and connections for Prometheus. */
    public BrokerMetrics metrics() {
        return new BrokerMetrics(server);
    }

    @Override
    public void close() {
        orphans.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("broker did not stop cleanly", e);
        }
    }

    private static boolean isAcceptorListening(ActiveMQServer server) {
        if (!server.isStarted() || server.getRemotingService() == null) {
            return false;
        }
        Acceptor acceptor = server.getRemotingService().getAcceptor(BrokerConfiguration.ACCEPTOR);
        return acceptor != null && acceptor.isStarted();
    }

    private static void stopQuietly(ActiveMQServer server) {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception ignored) {
            // already failing to start; the original error is what matters
        }
    }

    /** The broker could not start (port taken, data dir unusable, ...). */
    public static final class BrokerStartException extends RuntimeException {
        BrokerStartException(BrokerSettings settings, Exception cause) {
            super("broker did not start on " + settings.amqpUrl() + " (data: " + settings.dataDir() + "): "
                    + cause.getMessage(), cause);
        }
    }
}
