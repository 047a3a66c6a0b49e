package dev.backchannel.gateway.routing;

import dev.backchannel.schemas.CloseCodes;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open websocket on this node: whose it is, the topics it follows, and its output, bounded.
 * Every frame is counted from the moment it is handed to the network until it was flushed; a socket
 * that would go beyond {@code maxPendingFrames} is closed with {@link CloseCodes#TOO_SLOW} instead of
 * queueing more.
 */
public final class ClientSocket {

    private final String id;
    private final String userId;
    private final SocketOutput output;
    private final int maxPendingFrames;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Set<String> topics = ConcurrentHashMap.newKeySet();

    public ClientSocket(String id, String userId, SocketOutput output, int maxPendingFrames) {
        this.id = id;
        this.userId = userId;
        this.output = output;
        this.maxPendingFrames = maxPendingFrames;
    }

    public String id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    /** Sends one already serialised frame, unless that would exceed the bound on pending output. */
    public Delivery offer(String frame) {
        if (closing.get()) {
            return Delivery.DROPPED;
        }
        if (pending.incrementAndGet() > maxPendingFrames) {
            pending.decrementAndGet();
            return close(CloseCodes.TOO_SLOW, "too slow: reconnect and resume") ? Delivery.CLOSED_TOO_SLOW
                    : Delivery.DROPPED;
        }
        output.sendText(frame).subscribe().with(sent -> pending.decrementAndGet(), failed -> pending.decrementAndGet());
        return Delivery.SENT;
    }

    /** Closes the socket once; returns false when it was already closing. */
    public boolean close(int code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return false;
        }
        output.close(code, reason).subscribe().with(closed -> {
        }, failed -> {
        });
        return true;
    }

    /** Marks the socket closed after the peer or the network closed it. */
    public void markClosed() {
        closing.set(true);
    }

    public boolean isOpen() {
        return !closing.get();
    }

    public int pendingFrames() {
        return pending.get();
    }

    /** Whether this socket follows {@code topic}. */
    public boolean follows(String topic) {
        return topics.contains(topic);
    }

    Set<String> topics() {
        return Collections.unmodifiableSet(topics);
    }

    boolean addTopic(String topic) {
        return topics.add(topic);
    }

    boolean removeTopic(String topic) {
        return topics.remove(topic);
    }

    @Override
    public String toString() {
        return "ClientSocket[" + id + ", user=" + userId + "]";
    }
}
