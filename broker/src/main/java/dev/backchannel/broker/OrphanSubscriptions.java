package dev.backchannel.broker;

import static dev.backchannel.schemas.Addresses.STATUS;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.postoffice.Binding;
import org.apache.activemq.artemis.core.postoffice.Bindings;
import org.apache.activemq.artemis.core.postoffice.impl.LocalQueueBinding;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the subscriptions of gateway nodes that are gone: a subscription queue on {@code status}
 * that has had no consumer for {@code orphanAfter} is deleted. Gateway node ids are unique per
 * process by default, so every restart of a node that was not given a fixed id leaves its old
 * subscription behind; without this, each would collect events (until they expire) for ever.
 * A node that comes back within {@code orphanAfter} finds its subscription and what was queued.
 */
final class OrphanSubscriptions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanSubscriptions.class);

    private final ActiveMQServer server;
    private final Duration orphanAfter;
    private final Map<SimpleString, Long> idleSince = new HashMap<>();
    private final ScheduledFuture<?> sweeping;

    private OrphanSubscriptions(ActiveMQServer server, Duration orphanAfter, ScheduledExecutorService scheduler) {
        this.server = server;
        this.orphanAfter = orphanAfter;
        long period = Math.max(100, Math.min(30_000, orphanAfter.toMillis() / 4));
        this.sweeping = scheduler.scheduleWithFixedDelay(this::sweepSafely, period, period, TimeUnit.MILLISECONDS);
    }

    static OrphanSubscriptions start(ActiveMQServer server, Duration orphanAfter) {
        return new OrphanSubscriptions(server, orphanAfter, server.getScheduledPool());
    }

    private void sweepSafely() {
        try {
            sweep(System.nanoTime());
        } catch (Exception e) {
            LOG.warn("could not check status subscriptions for orphans: {}", e.toString());
        }
    }

    private synchronized void sweep(long now) throws Exception {
        Bindings bindings = server.getPostOffice().lookupBindingsForAddress(SimpleString.of(STATUS));
        Map<SimpleString, Long> stillIdle = new HashMap<>();
        if (bindings != null) {
            for (Binding binding : bindings.getBindings()) {
                if (!(binding instanceof LocalQueueBinding local) || local.getQueue().isTemporary()) {
                    continue;
                }
                Queue queue = local.getQueue();
                if (queue.getConsumerCount() > 0) {
                    continue;
                }
                long since = idleSince.getOrDefault(queue.getName(), now);
                if (now - since >= orphanAfter.toNanos()) {
                    remove(queue);
                } else {
                    stillIdle.put(queue.getName(), since);
                }
            }
        }
        idleSince.clear();
        idleSince.putAll(stillIdle);
    }

    private void remove(Queue queue) {
        try {
            long waiting = queue.getMessageCount();
            server.destroyQueue(queue.getName(), null, true);
            LOG.info("removed the status subscription {} (no consumer for {}; {} events dropped): its gateway"
                    + " node is gone", queue.getName(), orphanAfter, waiting);
        } catch (Exception e) {
            // a consumer attached meanwhile (checkConsumerCount), or the queue is already gone
            LOG.debug("kept status subscription {}: {}", queue.getName(), e.toString());
        }
    }

    @Override
    public void close() {
        sweeping.cancel(false);
    }
}
