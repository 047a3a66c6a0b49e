package dev.backchannel.gateway.routing;

import dev.backchannel.gateway.metrics.GatewayMetrics;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every socket open on this node, by connection id, by user and by topic. Other nodes have their
 * own; each node receives every status event through its own subscription. The registry forgets a
 * socket by itself when this node closes it, and the endpoint's close callbacks make it forget one
 * whose client closed it ({@link #remove}); nobody else removes sockets.
 */
// made at start-up, so its gauges are on /q/metrics before the first socket opens
@Startup
@ApplicationScoped
public class LocalSockets {

    private final ConcurrentHashMap<String, ClientSocket> byId = new ConcurrentHashMap<>();
    private final UserConnections users = new UserConnections();
    private final TopicSubscriptions topics = new TopicSubscriptions();

    /** A registry without meters (unit tests). */
    public LocalSockets() {
    }

    @Inject
    public LocalSockets(GatewayMetrics metrics) {
        metrics.gauge("backchannel.gateway.connections.open", "Websockets open on this node", this::openCount);
        metrics.gauge("backchannel.gateway.users.connected", "Users with at least one websocket open on this node",
                this::userCount);
    }

    public void open(ClientSocket socket) {
        open(socket, Integer.MAX_VALUE);
    }

    /**
     * Registers the socket unless its user already has {@code maxPerUser} sockets here; returns
     * whether it was registered.
     */
    public boolean open(ClientSocket socket, int maxPerUser) {
        if (!users.addIfFewerThan(socket, maxPerUser)) {
            return false;
        }
        byId.put(socket.id(), socket);
        // a socket closed by this node is forgotten at once: routing never hands it another frame
        socket.onClosed(() -> remove(socket.id()));
        return true;
    }

    /** Forgets a socket whose connection is gone (idempotent): the endpoint's close callbacks call it. */
    public void remove(String connectionId) {
        ClientSocket socket = byId.remove(connectionId);
        if (socket != null) {
            socket.markClosed();
            users.remove(socket);
            topics.unsubscribeAll(socket);
        }
    }

    public Optional<ClientSocket> find(String connectionId) {
        return Optional.ofNullable(byId.get(connectionId));
    }

    public void subscribe(ClientSocket socket, String topic) {
        if (socket.isOpen()) {
            topics.subscribe(socket, topic);
        }
    }

    public void unsubscribe(ClientSocket socket, String topic) {
        topics.unsubscribe(socket, topic);
    }

    public Set<ClientSocket> ofUser(String userId) {
        return users.of(userId);
    }

    public Set<ClientSocket> subscribersOf(String topic) {
        return topics.subscribersOf(topic);
    }

    /** Every socket open here (a live, weakly consistent view). */
    public Collection<ClientSocket> all() {
        return byId.values();
    }

    public int openCount() {
        return byId.size();
    }

    public int userCount() {
        return users.userCount();
    }
}
