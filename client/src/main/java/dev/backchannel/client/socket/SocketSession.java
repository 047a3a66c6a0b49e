package dev.backchannel.client.socket;

import dev.backchannel.client.http.TokenSource;
import dev.backchannel.client.time.Backoff;
import dev.backchannel.client.time.Scheduler;
import dev.backchannel.schemas.ClientRequest;
import dev.backchannel.schemas.EventSources;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import java.net.URI;
import java.time.Duration;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backchannel.schemas.Subprotocols;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One logical socket to the gateway that survives drops. After any drop it reconnects with
 * exponential backoff and full jitter, subscribes its topics again, then sends {@code resume} with
 * the last event id it saw of each source (the default source's as {@code lastEventId}, any other
 * producer's in {@code cursor}; ids sort within their source only). A {@code reset} frame (which also
 * drops that resume point: the reload starts it again), or a reconnect with nothing to resume from,
 * is reported as {@link ConnectionState.Reset} so the owner reloads through the query side. Close
 * codes are handled as {@link CloseReaction} says (fresh token on TOKEN_EXPIRED; no reconnect
 * after POLICY_VIOLATION or TOO_MANY_CONNECTIONS). Frames that break the schema are dropped.
 *
 * <p>It offers {@code backchannel.v2}: the topics and the resume point then ride in the upgrade
 * request ({@code ?subscribe=...&resume=...}), so no frame waits for a resume; a v1 gateway ignores
 * them and gets them in band as before. On v2 it also keeps this window's presence (re-sent after
 * every reconnect) and refreshes its token in band when the gateway says {@code token.expiring}
 * (from its {@link TokenSource}: the demo sign-in, or the application's own supplier).
 */
public final class SocketSession implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SocketSession.class.getName());

    private final URI url;
    private final SocketConnector connector;
    private final TokenSource tokens;
    private final Backoff backoff;
    private final RandomGenerator random;
    private final Scheduler scheduler;
    private final FrameReader reader = new FrameReader();
    private final List<Consumer<Frame>> frameListeners = new CopyOnWriteArrayList<>();
    private final List<ConnectionListener> stateListeners = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    private final Set<String> topics = new LinkedHashSet<>();
    private final Map<String, ObjectNode> presence = new LinkedHashMap<>();
    private Set<String> topicsInUpgrade = Set.of();
    private boolean v2;
    private int generation;
    private SocketConnection connection;
    private int retry;
    private boolean everOpened;
    private boolean closed;
    private boolean refreshToken;
    private final ResumeCursor cursor = new ResumeCursor();
    private Scheduler.Cancellable pendingReconnect;
    private volatile ConnectionState state = new ConnectionState.Connecting(0);

    public SocketSession(URI url, SocketConnector connector, TokenSource tokens, Backoff backoff,
            RandomGenerator random, Scheduler scheduler) {
        this.url = url;
        this.connector = connector;
        this.tokens = tokens;
        this.backoff = backoff;
        this.random = random;
        this.scheduler = scheduler;
    }

    /** Every valid frame, in arrival order, after the session has noted its event id. */
    public void addFrameListener(Consumer<Frame> listener) {
        frameListeners.add(listener);
    }

    public void addStateListener(ConnectionListener listener) {
        stateListeners.add(listener);
    }

    public ConnectionState state() {
        return state;
    }

    /**
     * The highest event id seen of the default source (frames, or a reload's {@code lastEventId});
     * resumes start after it.
     */
    public String lastEventId() {
        synchronized (lock) {
            return cursor.ofDefault();
        }
    }

    /** The highest event id seen of each source (contract v2, several producers); resumes start after them. */
    public Map<String, String> resumeCursor() {
        synchronized (lock) {
            return cursor.all();
        }
    }

    /** Notes an event id already covered elsewhere, such as the {@code lastEventId} of {@code GET /api/items}. */
    public void seenUpTo(String eventId) {
        seenUpTo(EventSources.DEFAULT, eventId);
    }

    /** Notes an event id of {@code source}: ids sort within their source only. */
    public void seenUpTo(String source, String eventId) {
        synchronized (lock) {
            cursor.seen(source, eventId);
        }
    }

    /** Subscribes now if connected, and again after every reconnect. */
    public void subscribe(String topic) {
        SocketConnection open;
        synchronized (lock) {
            open = topics.add(topic) ? connection : null;
        }
        if (open != null) {
            open.send(Json.write(new ClientRequest.Subscribe(topic)));
        }
    }

    public void unsubscribe(String topic) {
        SocketConnection open;
        synchronized (lock) {
            presence.remove(topic);
            open = topics.remove(topic) ? connection : null;
        }
        if (open != null) {
            open.send(Json.write(new ClientRequest.Unsubscribe(topic)));
        }
    }

    /**
     * This window is present on {@code topic} (subscribed first if it is not), doing {@code state}
     * (null: just looking). Kept and sent again after every reconnect; needs a v2 gateway.
     */
    public void setPresence(String topic, ObjectNode state) {
        subscribe(topic);
        SocketConnection open;
        synchronized (lock) {
            presence.put(topic, state);
            open = v2 ? connection : null;
        }
        if (open != null) {
            open.send(Json.write(new ClientRequest.PresenceSet(topic, state)));
        }
    }

    /** This window is no longer present on {@code topic} (it still follows it). */
    public void clearPresence(String topic) {
        SocketConnection open;
        synchronized (lock) {
            open = presence.remove(topic) != null && v2 ? connection : null;
        }
        if (open != null) {
            open.send(Json.write(new ClientRequest.PresenceClear(topic)));
        }
    }

    /** Whether the open connection speaks backchannel.v2 (false while disconnected). */
    public boolean speaksV2() {
        synchronized (lock) {
            return v2 && connection != null;
        }
    }

    /** Opens the socket; it stays up (reconnecting as needed) until {@link #close()}. */
    public void start() {
        connect();
    }

    @Override
    public void close() {
        SocketConnection open;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            generation++;
            open = connection;
            connection = null;
            if (pendingReconnect != null) {
                pendingReconnect.cancel();
            }
        }
        if (open != null) {
            open.close(1000, "client closing");
        }
        publish(new ConnectionState.Stopped(1000, "closed by the client"));
    }

    private void connect() {
        int current;
        int attempt;
        boolean refresh;
        URI upgrade;
        synchronized (lock) {
            if (closed) {
                return;
            }
            current = ++generation;
            attempt = retry;
            refresh = refreshToken;
            refreshToken = false;
            topicsInUpgrade = Set.copyOf(topics);
            upgrade = UpgradeRequest.of(url, topics, cursor.all());
        }
        publish(new ConnectionState.Connecting(attempt));
        (refresh ? tokens.refresh() : tokens.token())
                .thenCompose(token -> connector.connect(upgrade, token, new Events(current)))
                .whenComplete((opened, error) -> {
                    if (error != null) {
                        dropped(current, CloseReaction.toConnectFailure(error), 0, String.valueOf(error.getMessage()));
                    } else {
                        opened(current, opened);
                    }
                });
    }

    private void opened(int current, SocketConnection opened) {
        ClientRequest.Resume resumeFrom;
        boolean reconnected;
        boolean speaksV2 = Subprotocols.V2.equals(opened.subprotocol());
        List<String> subscriptions;
        Map<String, ObjectNode> present;
        synchronized (lock) {
            if (current != generation || closed) {
                opened.close(1000, "superseded");
                return;
            }
            connection = opened;
            v2 = speaksV2;
            resumeFrom = cursor.isEmpty() ? null : new ClientRequest.Resume(cursor.ofDefault(), cursor.ofOthers());
            reconnected = everOpened;
            everOpened = true;
            // v2: the upgrade carried the topics and the resume point; only later topics go in band
            subscriptions = topics.stream().filter(topic -> !speaksV2 || !topicsInUpgrade.contains(topic)).toList();
            present = speaksV2 ? new LinkedHashMap<>(presence) : Map.of();
        }
        // topics first: the gateway replays the events of the topics subscribed when resume arrives
        subscriptions.forEach(topic -> opened.send(Json.write(new ClientRequest.Subscribe(topic))));
        if (resumeFrom != null && !speaksV2) {
            opened.send(Json.write(resumeFrom));
        }
        present.forEach((topic, state) -> opened.send(Json.write(new ClientRequest.PresenceSet(topic, state))));
        if (resumeFrom == null && reconnected) {
            publish(new ConnectionState.Reset("reconnected with no event id to resume from"));
        }
    }

    private void received(int current, String text) {
        synchronized (lock) {
            if (current != generation) {
                return;
            }
        }
        reader.read(text).ifPresent(frame -> {
            if (frame instanceof Frame.Event event) {
                seenUpTo(event.sourceOrDefault(), event.eventId());
            } else if (frame instanceof Frame.Welcome welcome) {
                synchronized (lock) {
                    retry = 0;
                }
                publish(welcome.resumed() ? new ConnectionState.Resumed(welcome.connectionId())
                        : new ConnectionState.Connected(welcome.connectionId()));
            } else if (frame instanceof Frame.Reset reset) {
                synchronized (lock) {
                    // the gateway could not vouch for it (it may even be an id from before a data reset):
                    // the reload the Reset state triggers starts it again from the query side
                    cursor.clear();
                }
                publish(new ConnectionState.Reset(reset.reason()));
            } else if (frame instanceof Frame.TokenExpiring expiring) {
                refreshInBand(current, expiring);
            } else if (frame instanceof Frame.Error error) {
                LOG.log(System.Logger.Level.WARNING, "gateway refused a request: {0} {1}", error.code(), error.message());
            }
            frameListeners.forEach(listener -> listener.accept(frame));
        });
    }

    /** Fetches a fresh token and hands it to the gateway on the same connection: the socket lives on. */
    private void refreshInBand(int current, Frame.TokenExpiring expiring) {
        LOG.log(System.Logger.Level.DEBUG, "token expires at {0}: refreshing it in band", expiring.expiresAt());
        tokens.refresh().whenComplete((token, error) -> {
            SocketConnection open;
            synchronized (lock) {
                open = current == generation ? connection : null;
            }
            if (error != null) {
                LOG.log(System.Logger.Level.WARNING, "could not get a fresh token (the socket reconnects at expiry)", error);
            } else if (open != null) {
                open.send(Json.write(new ClientRequest.TokenRefresh(token)));
            }
        });
    }

    private void dropped(int current, CloseReaction reaction, int code, String reason) {
        Duration delay;
        int attempt;
        synchronized (lock) {
            if (current != generation || closed) {
                return;
            }
            generation++;
            connection = null;
            v2 = false;
            closed = reaction == CloseReaction.STOP;
            refreshToken = reaction == CloseReaction.REFRESH_TOKEN_AND_RECONNECT;
            attempt = ++retry;
            delay = backoff.fullJitter(attempt, random);
        }
        if (reaction == CloseReaction.STOP) {
            LOG.log(System.Logger.Level.WARNING, "socket closed for good with {0}: {1}", String.valueOf(code), reason);
            publish(new ConnectionState.Stopped(code, reason));
            return;
        }
        publish(new ConnectionState.Reconnecting(delay, attempt, code, reason));
        Scheduler.Cancellable scheduled = scheduler.schedule(delay, this::connect);
        synchronized (lock) {
            pendingReconnect = scheduled;
        }
    }

    private void publish(ConnectionState next) {
        state = next;
        stateListeners.forEach(listener -> listener.onStateChanged(next));
    }

    /** Events of one connection; ignored once that connection is superseded. */
    private final class Events implements SocketEvents {
        private final int current;

        Events(int current) {
            this.current = current;
        }

        @Override
        public void onText(String text) {
            received(current, text);
        }

        @Override
        public void onClosed(int code, String reason) {
            dropped(current, CloseReaction.toClose(code), code, reason);
        }

        @Override
        public void onError(Throwable error) {
            dropped(current, CloseReaction.toConnectFailure(error), 0, String.valueOf(error.getMessage()));
        }
    }
}
