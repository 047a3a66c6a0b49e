package dev.backchannel.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every socket open on this node, by connection id, by user and by topic. Other nodes have their
 * own; each node receives every status event through its own subscription.
 */
@ApplicationScoped
public class LocalSockets {

    private final ConcurrentHashMap<String, ClientSocket> byId = new ConcurrentHashMap<>();
    private final UserConnections users = new UserConnections();
    private final TopicSubscriptions topics = new TopicSubscriptions();

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
        if (!socket.isOpen()) {
            remove(socket.id()); // closed while registering: do not leave it behind
        }
        return true;
    }

    /** Forgets a socket (idempotent): it gets no more frames. */
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
        topics.subscribe(socket, topic);
        if (!socket.isOpen()) {
            // closed (for example as too slow) while subscribing: do not leave it behind
            topics.unsubscribe(socket, topic);
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
