package dev.backchannel.gateway.messaging;

import dev.backchannel.service.messaging.BrokerConnection;
import dev.backchannel.gateway.config.GatewayConfig;
import dev.backchannel.schemas.Addresses;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiver;
import io.vertx.amqp.AmqpReceiverOptions;
import io.netty.buffer.Unpooled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Section;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * This node's own durable subscription to the multicast address {@code status}: the node id
 * ({@link NodeIdentity}) is the AMQP container id and the link name, so the subscription queue, and
 * the events waiting in it, outlive a restart. Before it attaches, the node claims its id
 * ({@link NodeClaim}): a process that finds its id taken by another logs why and exits with
 * {@link #EXIT_NODE_ID_TAKEN} instead of sharing (and splitting) the subscription. One link, in the broker's order, with {@link GatewayConfig#statusPrefetch()}
 * credits so the broker streams events ahead; each message is accepted once it was recorded and
 * pushed, so an event this node did not handle is delivered again after a crash.
 *
 * <p>The gateway keeps this link itself rather than through a Reactive Messaging channel: it is the
 * push path, and the channel's per-message context propagation, tracing decorator and payload
 * conversion cost more than the push (see {@code docs/performance.md}). Lost links are reopened
 * every second; readiness is DOWN meanwhile (liveness is not affected: a broker outage must not get
 * the node killed). {@link #pause()} stops taking events (graceful shutdown).
 */
@ApplicationScoped
@Readiness
@Default
public class StatusSubscription implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(StatusSubscription.class);
    private static final long RECONNECT_MILLIS = 1_000;
    /** Exit status of a gateway process whose node id another process has. */
    public static final int EXIT_NODE_ID_TAKEN = 3;

    private final Vertx vertx;
    private final StatusEventProcessor processor;
    private final GatewayConfig config;
    private final NodeIdentity identity;
    private final NodeClaim nodeClaim;
    private final AmqpClientOptions options;
    private AmqpClient client;
    private AmqpReceiver receiver;
    private volatile boolean attached;
    private volatile boolean paused;
    private volatile boolean stopped;
    private volatile boolean claimed;

    public StatusSubscription(Vertx vertx, StatusEventProcessor processor, GatewayConfig config, NodeIdentity identity,
            BrokerConnection broker) {
        this.vertx = vertx;
        this.processor = processor;
        this.config = config;
        this.identity = identity;
        this.nodeClaim = new NodeClaim(vertx, identity, config.nodeClaimWindow(), () -> !paused && !stopped);
        this.options = broker.options().setContainerId(identity.nodeId()).setConnectTimeout(5_000);
    }

    void start(@Observes StartupEvent started) {
        connect();
    }

    void stop(@Observes ShutdownEvent stopping) {
        stopped = true;
        close();
    }

    /** Stops taking events; what was not accepted stays in the subscription for the node's next start. */
    public synchronized void pause() {
        paused = true;
        if (receiver != null) {
            receiver.pause();
        }
    }

    public boolean isPaused() {
        return paused;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("status subscription").status(attached && !stopped)
                .withData("node", identity.nodeId()).build();
    }

    private synchronized void connect() {
        if (stopped) {
            return;
        }
        client = AmqpClient.create(vertx, options);
        client.connect().compose(connection -> nodeClaim.claim(connection, claimed).compose(held -> {
            claimed = true;
            return attach(connection);
        })).onSuccess(attachedReceiver -> {
            attached = true;
            LOG.infof("subscribed to %s as %s%s", Addresses.STATUS, identity.nodeId(),
                    identity.generated() ? " (a node id made for this process: none was configured)" : "");
        }).onFailure(failure -> {
            if (failure instanceof NodeClaim.NodeIdTakenException taken) {
                refuse(taken);
                return;
            }
            LOG.warnf("cannot subscribe to %s (%s); trying again", Addresses.STATUS, failure.getMessage());
            reconnectLater();
        });
    }

    private io.vertx.core.Future<AmqpReceiver> attach(AmqpConnection connection) {
        connection.exceptionHandler(failure -> lost("connection failed: " + failure.getMessage()));
        connection.closeFuture().onComplete(ignored -> lost("connection closed"));
        AmqpReceiverOptions link = new AmqpReceiverOptions().addCapability("topic").setDurable(true)
                .setLinkName(identity.nodeId()).setAutoAcknowledgement(false)
                .setMaxBufferedMessages(config.statusPrefetch());
        return connection.createReceiver(Addresses.STATUS, link).onSuccess(created -> {
            synchronized (this) {
                receiver = created;
                created.exceptionHandler(failure -> lost("link failed: " + failure.getMessage()));
                created.handler(this::onMessage);
                if (paused) {
                    created.pause();
                }
            }
        });
    }

    private void refuse(NodeClaim.NodeIdTakenException taken) {
        LOG.error(taken.getMessage());
        stopped = true;
        close();
        Quarkus.asyncExit(EXIT_NODE_ID_TAKEN);
    }

    private void onMessage(AmqpMessage message) {
        boolean handled = false;
        try {
            handled = processor.onStatusEvent(body(message), message.applicationProperties());
        } finally {
            if (handled) {
                message.accepted();
            } else {
                // delivery failed, not delivered here: the broker hands it out again (and counts the attempt)
                message.modified(true, false);
            }
        }
    }

    /** The body as bytes (a data section, as every producer here sends it) or as the value it carries. */
    private static Object body(AmqpMessage message) {
        Section body = message.unwrap().getBody();
        if (body instanceof Data data) {
            return bytes(data.getValue());
        }
        Object value = body instanceof AmqpValue amqpValue ? amqpValue.getValue() : null;
        return value instanceof Binary binary ? bytes(binary) : value;
    }

    private static Buffer bytes(Binary binary) {
        return Buffer.buffer(Unpooled.wrappedBuffer(binary.getArray(), binary.getArrayOffset(), binary.getLength()));
    }

    private synchronized void lost(String why) {
        if (!attached) {
            return;
        }
        attached = false;
        LOG.warnf("subscription to %s lost (%s); reconnecting", Addresses.STATUS, why);
        close();
        reconnectLater();
    }

    private void reconnectLater() {
        if (!stopped) {
            vertx.setTimer(RECONNECT_MILLIS, id -> {
                close();
                connect();
            });
        }
    }

    private synchronized void close() {
        attached = false;
        receiver = null;
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
