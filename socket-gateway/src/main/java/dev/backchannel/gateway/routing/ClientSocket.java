package dev.backchannel.gateway.routing;

import dev.backchannel.schemas.CloseCodes;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open websocket on this node: whose it is, the topics it follows, and its output, bounded.
 * Every frame is counted from the moment it is handed to the network (or held back) until it was
 * flushed; a socket that would go beyond {@code maxPendingFrames} is closed with
 * {@link CloseCodes#TOO_SLOW} instead of queueing more. Events go through its {@link EventFeed}:
 * in order, once each, and after any replay.
 */
public final class ClientSocket {

    private final String id;
    private final String userId;
    private final SocketOutput output;
    private final int maxPendingFrames;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean cleanedUp = new AtomicBoolean();
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final List<Runnable> closeActions = new CopyOnWriteArrayList<>();
    private final EventFeed feed = new EventFeed();
    private volatile long lastHeardNanos = System.nanoTime();

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

    /** Sends one already serialised frame that is not an event, unless that would exceed the bound. */
    public Delivery offer(String frame) {
        Delivery reserved = reserve();
        if (reserved == Delivery.SENT) {
            output.sendText(frame).subscribe().with(sent -> pending.decrementAndGet(),
                    failed -> pending.decrementAndGet());
        }
        return reserved;
    }

    /** Counts one more pending frame, or closes the socket as too slow when that is one too many. */
    private Delivery reserve() {
        if (closing.get()) {
            return Delivery.DROPPED;
        }
        if (pending.incrementAndGet() > maxPendingFrames) {
            pending.decrementAndGet();
            return close(CloseCodes.TOO_SLOW, "too slow: reconnect and resume") ? Delivery.CLOSED_TOO_SLOW
                    : Delivery.DROPPED;
        }
        return Delivery.SENT;
    }

    /** Sends (or holds back, during a resume) one event frame; a repeat of an earlier id is skipped. */
    public Delivery offerEvent(String eventId, String frame) {
        synchronized (feed) {
            if (!feed.isNew(eventId)) {
                return Delivery.REPEAT;
            }
            if (!feed.holding()) {
                Delivery delivery = offer(frame);
                if (delivery == Delivery.SENT) {
                    feed.delivered(eventId);
                }
                return delivery;
            }
            Delivery reserved = reserve();
            if (reserved == Delivery.SENT) {
                feed.hold(new EventFrame(eventId, frame));
                return Delivery.HELD;
            }
            return reserved;
        }
    }

    /** From now on live events wait for a resume, or for {@link #releaseHold()}. */
    public void holdForResume() {
        synchronized (feed) {
            feed.phase(EventFeed.Phase.HOLDING);
        }
    }

    /** No resume came in time: sends what was held back and goes live. */
    public void releaseHold() {
        synchronized (feed) {
            if (feed.phase() == EventFeed.Phase.HOLDING) {
                drainHeld();
                feed.phase(EventFeed.Phase.LIVE);
            }
        }
    }

    /**
     * Starts a replay after {@code lastEventId}, holding live events back meanwhile. Returns false
     * when that is no longer possible in order: live events after {@code lastEventId} were sent already.
     */
    public boolean beginReplay(String lastEventId) {
        synchronized (feed) {
            String delivered = feed.lastDelivered();
            if (feed.phase() == EventFeed.Phase.LIVE && delivered != null && delivered.compareTo(lastEventId) > 0) {
                return false;
            }
            feed.phase(EventFeed.Phase.REPLAYING);
            return true;
        }
    }

    /** Sends the replayed events the client lacks, then {@code closing} (welcome or reset), then the held ones. */
    public void finishReplay(String lastEventId, List<EventFrame> replayed, String closingFrame) {
        synchronized (feed) {
            feed.delivered(lastEventId);
            for (EventFrame event : replayed) {
                // the replay is bounded by the window, not by maxPendingFrames
                if (!closing.get() && feed.clientLacks(event.eventId())) {
                    output.sendText(event.text()).subscribe().with(sent -> {
                    }, failed -> {
                    });
                    feed.delivered(event.eventId());
                }
            }
            offer(closingFrame);
            drainHeld();
            feed.phase(EventFeed.Phase.LIVE);
        }
    }

    private void drainHeld() {
        for (EventFrame event : feed.takeHeld()) {
            if (closing.get() || !feed.clientLacks(event.eventId())) {
                pending.decrementAndGet();
            } else {
                output.sendText(event.text()).subscribe().with(sent -> pending.decrementAndGet(),
                        failed -> pending.decrementAndGet());
                feed.delivered(event.eventId());
            }
        }
    }

    /** Closes the socket once; returns false when it was already closing. */
    public boolean close(int code, String reason) {
        return close(code, reason, () -> {
        });
    }

    /** Closes the socket once and runs {@code whenClosed} once the close frame went out (or failed). */
    public boolean close(int code, String reason, Runnable whenClosed) {
        if (!closing.compareAndSet(false, true)) {
            return false;
        }
        runCloseActions();
        output.close(code, reason).subscribe().with(closed -> whenClosed.run(), failed -> whenClosed.run());
        return true;
    }

    /** Marks the socket closed after the peer or the network closed it. */
    public void markClosed() {
        closing.set(true);
        runCloseActions();
    }

    /** Runs {@code action} when the socket closes (at once if it already did): cancels its timers. */
    public void onClosed(Runnable action) {
        closeActions.add(action);
        if (cleanedUp.get() && closeActions.remove(action)) {
            action.run();
        }
    }

    private void runCloseActions() {
        if (cleanedUp.compareAndSet(false, true)) {
            closeActions.forEach(Runnable::run);
            closeActions.clear();
        }
    }

    public boolean isOpen() {
        return !closing.get();
    }

    public int pendingFrames() {
        return pending.get();
    }

    /** Notes that the client sent something (a message or a pong): it is alive. */
    public void heard(long nanoTime) {
        lastHeardNanos = nanoTime;
    }

    public long lastHeardNanos() {
        return lastHeardNanos;
    }

    /** Whether this socket follows {@code topic}. */
    public boolean follows(String topic) {
        return topics.contains(topic);
    }

    /** The topics it follows now. */
    public Set<String> topics() {
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
