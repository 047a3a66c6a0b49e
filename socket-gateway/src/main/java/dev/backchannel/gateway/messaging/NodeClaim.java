package dev.backchannel.gateway.messaging;

import dev.backchannel.schemas.Addresses;
import dev.backchannel.schemas.GatewayNodeClaim;
import dev.backchannel.schemas.Json;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.amqp.AmqpSender;
import io.vertx.amqp.AmqpSenderOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Makes sure no other running process has this node's id, on the multicast address
 * {@link Addresses#GATEWAY_NODES} (across a broker cluster too: the cluster forwards it to every
 * broker). {@link #claim} listens, sends a {@code claim} and waits {@code window}: a {@code taken}
 * answer, or another process's {@code claim} of the same id, fails it with {@link NodeIdTakenException}.
 * While the returned listener lives this node answers other processes' claims of its id with
 * {@code taken} (unless {@code answering} says no: a node shutting down lets its successor in).
 */
final class NodeClaim {

    private static final Logger LOG = Logger.getLogger(NodeClaim.class);

    private final Vertx vertx;
    private final NodeIdentity identity;
    private final Duration window;
    private final BooleanSupplier answering;

    NodeClaim(Vertx vertx, NodeIdentity identity, Duration window, BooleanSupplier answering) {
        this.vertx = vertx;
        this.identity = identity;
        this.window = window;
        this.answering = answering;
    }

    /**
     * On {@code connection}: answers others' claims from now on and, unless {@code established}
     * (this process already holds the id, and is only reconnecting), claims the id first.
     */
    Future<Void> claim(AmqpConnection connection, boolean established) {
        Promise<Void> result = Promise.promise();
        AmqpSenderOptions senderOptions = new AmqpSenderOptions().addCapability("topic");
        return connection.createSender(Addresses.GATEWAY_NODES, senderOptions).compose(sender -> connection
                .createReceiver(Addresses.GATEWAY_NODES, new AmqpReceiverOptions().addCapability("topic"))
                .compose(receiver -> {
                    receiver.handler(message -> onClaim(message, sender, established ? null : result));
                    if (established) {
                        return Future.succeededFuture();
                    }
                    send(sender, GatewayNodeClaim.claim(identity.nodeId(), identity.instance()));
                    vertx.setTimer(window.toMillis(), id -> result.tryComplete());
                    return result.future();
                }));
    }

    private void onClaim(AmqpMessage message, AmqpSender sender, Promise<Void> claiming) {
        GatewayNodeClaim claim;
        try {
            claim = Json.mapper().readValue(message.bodyAsBinary().getBytes(), GatewayNodeClaim.class);
        } catch (Exception e) {
            LOG.debugf("ignoring an unreadable message on %s: %s", Addresses.GATEWAY_NODES, e.getMessage());
            return;
        }
        if (!claim.conflictsWith(identity.nodeId(), identity.instance())) {
            return;
        }
        if (claiming != null && !claiming.future().isComplete()) {
            claiming.tryFail(new NodeIdTakenException(identity.nodeId(), claim.kind()));
        } else if (claim.kind() == GatewayNodeClaim.Kind.claim && answering.getAsBoolean()) {
            LOG.warnf("another gateway process claimed this node's id %s; told it the id is taken", identity.nodeId());
            send(sender, GatewayNodeClaim.taken(identity.nodeId(), identity.instance()));
        }
    }

    private static void send(AmqpSender sender, GatewayNodeClaim claim) {
        byte[] body = Json.write(claim).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        sender.send(AmqpMessage.create().withBufferAsBody(Buffer.buffer(body)).durable(false)
                .contentType("application/json").build());
    }

    /** Another process has, or claims at the same time, this node id. */
    static final class NodeIdTakenException extends RuntimeException {
        NodeIdTakenException(String nodeId, GatewayNodeClaim.Kind seen) {
            super("gateway node id '" + nodeId + "' is "
                    + (seen == GatewayNodeClaim.Kind.taken ? "already in use by a running gateway node"
                            : "being claimed by another gateway node starting at the same time")
                    + ": two nodes with one id would split the status events between them. Give every node its own"
                    + " BACKCHANNEL_GATEWAY_NODE_ID (backchannel.gateway.node-id), or leave it unset for a unique one");
        }
    }
}
