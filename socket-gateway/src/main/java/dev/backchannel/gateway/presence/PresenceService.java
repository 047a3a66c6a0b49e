package dev.backchannel.gateway.presence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backchannel.gateway.config.GatewayConfig;
import dev.backchannel.gateway.metrics.GatewayMetrics;
import dev.backchannel.gateway.routing.ClientSocket;
import dev.backchannel.gateway.routing.FrameText;
import dev.backchannel.gateway.routing.LocalSockets;
import dev.backchannel.schemas.PresenceMessage;
import dev.backchannel.schemas.PresenceMessage.Entry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Presence (contract v2): who is on a topic, across every gateway node, ephemeral (memory and the
 * broker's non-durable {@code presence} messages only; never the database, the outbox or the replay
 * window).
 *
 * <p>A local change updates this node's entry for that topic and user, is applied to the merged
 * {@link PresenceView} at once (this node's sockets get their frame without a broker round trip) and
 * goes to the other nodes as one delta message. A message from another node is applied the same way.
 * Every node announces all its entries every {@code presence.announce-interval} (also a heartbeat);
 * a node not heard from for {@code presence.node-timeout} is dropped, so its members leave.
 *
 * <p>Frames go to the {@code backchannel.v2} sockets following the topic, serialised once per change.
 * All of it runs under this object's lock, apart from the status push path.
 */
@ApplicationScoped
public class PresenceService {

    private final LocalSockets sockets;
    private final PresenceBroadcast broadcast;
    private final GatewayMetrics metrics;
    private final String node;
    private final Duration nodeTimeout;
    private final Clock clock;
    private final LocalPresence local = new LocalPresence();
    private final PresenceView view = new PresenceView();
    private final Map<String, Instant> lastHeard = new HashMap<>();

    @Inject
    public PresenceService(LocalSockets sockets, PresenceBroadcast broadcast, GatewayMetrics metrics,
            GatewayConfig config) {
        this(sockets, broadcast, metrics, broadcast.nodeId(), config.presence().nodeTimeout(), Clock.systemUTC());
    }

    PresenceService(LocalSockets sockets, PresenceBroadcast broadcast, GatewayMetrics metrics, String node,
            Duration nodeTimeout, Clock clock) {
        this.sockets = sockets;
        this.broadcast = broadcast;
        this.metrics = metrics;
        this.node = node;
        this.nodeTimeout = nodeTimeout;
        this.clock = clock;
    }

    /** The socket's window is present on the topic (it follows it), with this state (null: just looking). */
    public synchronized void set(ClientSocket socket, String topic, ObjectNode state) {
        local.set(socket.id(), socket.userId(), topic, state, clock.instant()).ifPresent(this::changedHere);
    }

    /** The socket's window is no longer present on the topic (a clear, or an unsubscribe). */
    public synchronized void clear(ClientSocket socket, String topic) {
        local.clear(socket.id(), socket.userId(), topic, clock.instant()).ifPresent(this::changedHere);
    }

    /** The socket closed: it leaves every topic it was present on. */
    public synchronized void socketClosed(ClientSocket socket) {
        local.removeSocket(socket.id(), socket.userId(), clock.instant()).forEach(this::changedHere);
    }

    /** Sends the socket every member of the topic (after a subscribe or a resume); v2 sockets only. */
    public synchronized void sendSnapshot(ClientSocket socket, String topic) {
        if (socket.speaksV2()) {
            socket.offer(FrameText.of(view.snapshot(topic)));
        }
    }

    /** A message from the broker (this node's own come back too and are skipped). */
    public synchronized void received(PresenceMessage message) {
        if (node.equals(message.node())) {
            return;
        }
        metrics.presenceMessage("received");
        switch (message.kind()) {
            case DELTA -> {
                lastHeard.put(message.node(), clock.instant());
                message.entries().forEach(entry -> view.apply(message.node(), entry).ifPresent(this::fanOut));
            }
            case ANNOUNCE -> {
                lastHeard.put(message.node(), clock.instant());
                view.replaceNode(message.node(), message.entries()).forEach(this::fanOut);
            }
            case GONE -> forget(message.node());
        }
    }

    /** Every entry of this node, to every other node (periodic; also says this node is alive). */
    public synchronized void announce() {
        send(PresenceMessage.Kind.ANNOUNCE, local.entries());
    }

    /** This node is going away: the others drop its members at once. */
    public synchronized void leave() {
        send(PresenceMessage.Kind.GONE, List.of());
    }

    /** Drops the nodes not heard from for the node timeout: their members leave. */
    public synchronized void dropSilentNodes() {
        Instant cutoff = clock.instant().minus(nodeTimeout);
        List.copyOf(lastHeard.entrySet()).stream().filter(heard -> heard.getValue().isBefore(cutoff))
                .forEach(heard -> forget(heard.getKey()));
    }

    private void forget(String other) {
        lastHeard.remove(other);
        view.dropNode(other).forEach(this::fanOut);
    }

    private void changedHere(Entry entry) {
        view.apply(node, entry).ifPresent(this::fanOut);
        send(PresenceMessage.Kind.DELTA, List.of(entry));
    }

    private void send(PresenceMessage.Kind kind, List<Entry> entries) {
        broadcast.send(new PresenceMessage(node, kind, clock.instant(), entries));
        metrics.presenceMessage("sent");
    }

    private void fanOut(PresenceView.Change change) {
        String frame = FrameText.of(change.frame());
        int sent = 0;
        for (ClientSocket socket : sockets.subscribersOf(change.topic())) {
            if (socket.speaksV2()) {
                socket.offer(frame);
                sent++;
            }
        }
        metrics.presenceFrames(sent);
    }
}
