package dev.backchannel.broker;

import java.util.Comparator;
import java.util.List;
import org.apache.activemq.artemis.core.postoffice.impl.LocalQueueBinding;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;

/**
 * The broker's state in the Prometheus text format: per queue its depth, delayed messages, messages
 * in delivery, consumers and what went through it; and the open connections. Read from the running
 * server at each scrape. Names and their meaning: docs/metrics.md ("Broker").
 */
public final class BrokerMetrics {

    private final ActiveMQServer server;

    BrokerMetrics(ActiveMQServer server) {
        this.server = server;
    }

    /** One scrape. */
    public String scrape() {
        StringBuilder text = new StringBuilder(4096);
        boolean up = server.isStarted() && server.isActive();
        gauge(text, "backchannel_broker_up", "1 while the broker is active");
        text.append("backchannel_broker_up ").append(up ? 1 : 0).append('\n');
        gauge(text, "backchannel_broker_connections", "Client connections open");
        text.append("backchannel_broker_connections ").append(up ? server.getConnectionCount() : 0).append('\n');
        List<Queue> queues = up ? queues() : List.of();
        series(text, queues, "backchannel_broker_queue_messages", "gauge",
                "Messages in the queue: ready, in delivery and scheduled", Queue::getMessageCount);
        series(text, queues, "backchannel_broker_queue_scheduled_messages", "gauge",
                "Messages delayed and not yet deliverable", Queue::getScheduledCount);
        series(text, queues, "backchannel_broker_queue_delivering_messages", "gauge",
                "Messages delivered to a consumer and not yet acknowledged", q -> q.getDeliveringCount());
        series(text, queues, "backchannel_broker_queue_consumers", "gauge",
                "Consumers attached to the queue", q -> q.getConsumerCount());
        series(text, queues, "backchannel_broker_queue_messages_added_total", "counter",
                "Messages added to the queue since the broker started", Queue::getMessagesAdded);
        series(text, queues, "backchannel_broker_queue_messages_expired_total", "counter",
                "Messages that expired in the queue since the broker started", Queue::getMessagesExpired);
        return text.toString();
    }

    private List<Queue> queues() {
        return server.getPostOffice().getAllBindings()
                .filter(LocalQueueBinding.class::isInstance)
                .map(binding -> ((LocalQueueBinding) binding).getQueue())
                .filter(queue -> !queue.isInternalQueue() && !queue.isTemporary())
                .sorted(Comparator.comparing(queue -> queue.getName().toString()))
                .toList();
    }

    private interface Reading {
        long of(Queue queue);
    }

    private static void series(StringBuilder text, List<Queue> queues, String name, String type, String help,
            Reading reading) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        for (Queue queue : queues) {
            text.append(name).append("{address=\"").append(label(queue.getAddress().toString()))
                    .append("\",queue=\"").append(label(queue.getName().toString())).append("\"} ")
                    .append(reading.of(queue)).append('\n');
        }
    }

    private static void gauge(StringBuilder text, String name, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(" gauge\n");
    }

    private static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
