package dev.backchannel.gateway.routing;

import dev.backchannel.gateway.EventCursor;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open websocket on this node: whose it is, the topics it follows, and its output, bounded.
 *
 * <p>Every frame, whatever it is (an event, a replayed event, welcome, reset, an error), goes through
 * one bounded output: it counts from the moment it is handed to the network (or held back) until it
 * was flushed, and a frame that would take the socket beyond {@code maxPendingFrames} closes it with
 * {@link ServerClose#TOO_SLOW} instead. Events go through its {@link EventFeed}: in order, once each,
 * and after any replay.
 *
 * <p>The socket owns its close: {@link #close(ServerClose)} closes it once, runs its close actions
 * (timers) and tells its {@link CloseListener} (which counts and logs). Nobody removes it from the
 * registry by hand: the endpoint's close callback does when the connection is gone.
 */
public final class ClientSocket {

    /** Told once when this node closes the socket (not when the client does). */
    @FunctionalInterface
    public interface CloseListener {
        CloseListener NONE = (socket, why) -> {
        };

        void closedByServer(ClientSocket socket, ServerClose why);
    }

    private final String id;
    private final String userId;
    private final SocketOutput output;
    private final int maxPendingFrames;
    private final CloseListener closes;
    private final boolean v2;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean cleanedUp = new AtomicBoolean();
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final List<Runnable> closeActions = new CopyOnWriteArrayList<>();
    private final EventFeed feed = new EventFeed();
    private final Runnable flushed = pending::decrementAndGet;
    private volatile long lastHeardNanos = System.nanoTime();

    public ClientSocket(String id, String userId, SocketOutput output, int maxPendingFrames) {
        this(id, userId, output, maxPendingFrames, CloseListener.NONE);
    }

    public ClientSocket(String id, String userId, SocketOutput output, int maxPendingFrames, CloseListener closes) {
        this(id, userId, output, maxPendingFrames, closes, false);
    }

    /** {@code v2}: the client speaks {@code backchannel.v2} (presence and token frames are for it only). */
    public ClientSocket(String id, String userId, SocketOutput output, int maxPendingFrames, CloseListener closes,
            boolean v2) {
        this.v2 = v2;
        this.id = id;
        this.userId = userId;
        this.output = output;
        this.maxPendingFrames = maxPendingFrames;
        this.closes = closes;
    }

    public String id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    /** Whether the client speaks {@code backchannel.v2}. */
    public boolean speaksV2() {
        return v2;
    }

    /** Sends one already serialised frame that is not an event, unless that would exceed the bound. */
    public Delivery offer(String frame) {
        Delivery reserved = reserve(1);
        if (reserved == Delivery.SENT) {
            transmit(frame);
        }
        return reserved;
    }

    /**
     * Sends (or holds back, during a resume) one event frame; a repeat of an earlier id of the same
     * source is skipped.
     */
    public Delivery offerEvent(String source, String eventId, String frame) {
        synchronized (feed) {
            if (!feed.isNew(source, eventId)) {
                return Delivery.REPEAT;
            }
            Delivery reserved = reserve(1);
            if (reserved != Delivery.SENT) {
                return reserved;
            }
            if (feed.holding()) {
                feed.hold(new EventFrame(source, eventId, frame));
                return Delivery.HELD;
            }
            transmit(frame);
            feed.delivered(source, eventId);
            return Delivery.SENT;
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
     * Starts a replay after {@code cursor}, holding live events back meanwhile. Returns false when that
     * is no longer possible in order: live events after the cursor were sent already.
     */
    public boolean beginReplay(EventCursor cursor) {
        synchronized (feed) {
            if (feed.phase() == EventFeed.Phase.LIVE && feed.deliveredAfter(cursor)) {
                return false;
            }
            feed.phase(EventFeed.Phase.REPLAYING);
            return true;
        }
    }

    /** How many more frames this socket can take now without exceeding its bound. */
    public int room() {
        return Math.max(0, maxPendingFrames - pending.get());
    }

    /**
     * Sends the replayed events the client lacks after its {@code cursor}, then {@code welcome}, then
     * the held ones, every one of them inside the socket's bound.
     */
    public void finishReplay(EventCursor cursor, List<EventFrame> replayed, String welcome) {
        synchronized (feed) {
            feed.deliveredThrough(cursor);
            for (EventFrame event : replayed) {
                if (feed.clientLacks(event.source(), event.eventId()) && reserve(1) == Delivery.SENT) {
                    transmit(event.text());
                    feed.delivered(event.source(), event.eventId());
                }
            }
            offer(welcome);
            drainHeld();
            feed.phase(EventFeed.Phase.LIVE);
        }
    }

    /**
     * Ends a replay that could not be answered: sends {@code reset}, then the held events, and goes
     * live. The client's resume point is not taken for granted (it may be one this node never issued,
     * such as an id from before a data reset): every live event reaches it from now on.
     */
    public void abandonReplay(String reset) {
        synchronized (feed) {
            offer(reset);
            drainHeld();
            feed.phase(EventFeed.Phase.LIVE);
        }
    }

    /** Sends the held frames (each already counted when it was held). */
    private void drainHeld() {
        for (EventFrame event : feed.takeHeld()) {
            if (closing.get() || !feed.clientLacks(event.source(), event.eventId())) {
                pending.decrementAndGet();
            } else {
                transmit(event.text());
                feed.delivered(event.source(), event.eventId());
            }
        }
    }

    /** Counts {@code frames} more pending frames, or closes the socket as too slow when that is too many. */
    private Delivery reserve(int frames) {
        if (closing.get()) {
            return Delivery.DROPPED;
        }
        if (pending.addAndGet(frames) > maxPendingFrames) {
            pending.addAndGet(-frames);
            return close(ServerClose.TOO_SLOW) ? Delivery.CLOSED_TOO_SLOW : Delivery.DROPPED;
        }
        return Delivery.SENT;
    }

    /** The one place a counted frame goes to the network. */
    private void transmit(String frame) {
        output.sendText(frame, flushed);
    }

    /** Closes the socket once, with its default reason; returns false when it was already closing. */
    public boolean close(ServerClose why) {
        return close(why, why.reason(), () -> {
        });
    }

    /** Closes the socket once and runs {@code whenClosed} once the close frame went out (or failed). */
    public boolean close(ServerClose why, String reason, Runnable whenClosed) {
        if (!closing.compareAndSet(false, true)) {
            return false;
        }
        runCloseActions();
        closes.closedByServer(this, why);
        output.close(why.code(), reason).subscribe().with(closed -> whenClosed.run(), failed -> whenClosed.run());
        return true;
    }

    /** Marks the socket closed after the connection closed (the endpoint's close callback). */
    void markClosed() {
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
