package dev.backchannel.client;

import dev.backchannel.client.http.CommandListener;
import dev.backchannel.client.http.CommandRejectedException;
import dev.backchannel.client.http.CommandRetryPolicy;
import dev.backchannel.client.http.CommandSender;
import dev.backchannel.client.http.ChaosApi;
import dev.backchannel.client.http.QuerySide;
import dev.backchannel.client.http.SessionTokens;
import dev.backchannel.client.http.SuppliedTokens;
import dev.backchannel.client.http.TokenSource;
import dev.backchannel.client.http.TokenSupplier;
import dev.backchannel.client.items.ItemsView;
import dev.backchannel.client.presence.PresenceView;
import dev.backchannel.client.receipts.CommandReceipts;
import dev.backchannel.client.socket.ConnectionState;
import dev.backchannel.client.socket.JdkSocketConnector;
import dev.backchannel.client.socket.SocketConnector;
import dev.backchannel.client.socket.SocketSession;
import dev.backchannel.client.time.Scheduler;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandAccepted;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.Topics;
import java.net.http.HttpClient;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One user's connection to Backchannel, wiring the parts: {@link #connect} signs in (the demo
 * sign-in, or with a {@link TokenSupplier} of the application's), loads the
 * items, opens the socket (resuming from the list's {@code lastEventId}) and subscribes
 * {@code items}. {@link #submit} sends a command with retries and tracks its receipt; socket frames
 * feed {@link #receipts()} and {@link #items()}; a reset reloads both through the query side.
 */
public final class BackchannelClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BackchannelClient.class.getName());

    private final TokenSource tokens;
    private final CommandSender sender;
    private final CommandReceipts receipts;
    private final ItemsView items = new ItemsView();
    private final PresenceView presence = new PresenceView();
    private final String userId;
    private final SocketSession socket;
    private final Resync resync;
    private final ChaosApi chaos;

    private BackchannelClient(ClientConfig config, Scheduler scheduler, SocketConnector connector,
            TokenSupplier supplied) {
        userId = config.userId();
        HttpClient.Builder httpBuilder = HttpClient.newBuilder().connectTimeout(config.requestTimeout());
        config.trust().ifPresent(trust -> httpBuilder.sslContext(trust.sslContext()));
        HttpClient http = httpBuilder.build();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        tokens = supplied != null ? new SuppliedTokens(supplied)
                : new SessionTokens(http, config.apiUrl(), config.userId(), config.requestTimeout(), scheduler);
        QuerySide query = new QuerySide(http, config.queryUrl(), tokens, config.requestTimeout());
        receipts = new CommandReceipts(scheduler, config.receiptTimeout(), query::commandStatus);
        sender = new CommandSender(http, config.apiUrl(), tokens,
                new CommandRetryPolicy(config.commandBackoff(), config.maxAttempts(), random, scheduler::now),
                scheduler, config.requestTimeout());
        socket = new SocketSession(config.socketUrl(),
                connector != null ? connector : new JdkSocketConnector(http, config.requestTimeout()),
                tokens, config.reconnectBackoff(), random, scheduler);
        resync = new Resync(query, items, receipts, socket::seenUpTo);
        chaos = new ChaosApi(http, config.apiUrl(), tokens, config.requestTimeout());
        socket.addFrameListener(frame -> {
            receipts.onFrame(frame);
            items.onFrame(frame);
            presence.onFrame(frame);
        });
        socket.addStateListener(state -> {
            if (state instanceof ConnectionState.Reset) {
                resync().exceptionally(error -> {
                    LOG.log(System.Logger.Level.WARNING, "reload through the query side failed", error);
                    return null;
                });
            }
        });
    }

    /** Connects with the real clock and the JDK's websocket. Blocks until signed in and items are loaded. */
    public static BackchannelClient connect(ClientConfig config) {
        return connect(config, Scheduler.system(), null);
    }

    /** As {@link #connect(ClientConfig)}, with a scheduler and (when not null) a socket connector of your own. */
    public static BackchannelClient connect(ClientConfig config, Scheduler scheduler, SocketConnector connector) {
        return connect(config, scheduler, connector, null);
    }

    /**
     * Connects with a token of the application's instead of the demo sign-in (the system's
     * {@code POST /api/sessions} may be off): every request and socket connect carries
     * {@code tokens.token()}. The services take the user from the token; {@code config.userId()} is
     * only this client's name for it. Blocks until the items are loaded.
     */
    public static BackchannelClient connect(ClientConfig config, TokenSupplier tokens) {
        return connect(config, Scheduler.system(), null, java.util.Objects.requireNonNull(tokens, "tokens"));
    }

    /** As {@link #connect(ClientConfig, TokenSupplier)}, with a scheduler and (when not null) a socket connector of your own. */
    public static BackchannelClient connect(ClientConfig config, Scheduler scheduler, SocketConnector connector,
            TokenSupplier tokens) {
        BackchannelClient client = new BackchannelClient(config, scheduler, connector, tokens);
        try {
            client.tokens.refresh().thenCompose(token -> client.resync.run()).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        client.socket.subscribe(Topics.ITEMS);
        client.socket.start();
        return client;
    }

    /**
     * Sends {@code command} (given a fresh {@code commandId} when it has none) with retries, and
     * tracks it in {@link #receipts()}. See {@link Submission} for what its two futures say.
     */
    public Submission submit(Command command) {
        Command identified = command.commandId() != null ? command
                : command.withCommandId(UUID.randomUUID().toString());
        String id = identified.commandId();
        receipts.track(identified);
        CompletableFuture<CommandAccepted> accepted = sender.send(identified);
        accepted.whenComplete((answer, error) -> {
            if (answer != null) {
                receipts.accepted(answer);
            } else if (unwrap(error) instanceof CommandRejectedException rejected) {
                receipts.rejected(id, rejected.problem());
            } else {
                receipts.gaveUp(id);
            }
        });
        return new Submission(id, accepted, receipts.whenSettled(id));
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** Reloads items and unsettled receipts through the query side (done on every reset by itself). */
    public CompletableFuture<Void> resync() {
        return resync.run();
    }

    public void addCommandListener(CommandListener listener) {
        sender.addListener(listener);
    }

    public CommandReceipts receipts() {
        return receipts;
    }

    public ItemsView items() {
        return items;
    }

    /** Who is on the records this client watches (v2 gateways), kept from the socket's presence frames. */
    public PresenceView presence() {
        return presence;
    }

    public String userId() {
        return userId;
    }

    /**
     * Follows one item ({@code items/<entityId>}) and is present on it, just looking; the gateway
     * then sends its members to {@link #presence()}. Survives reconnects.
     */
    public void watch(String entityId) {
        socket.setPresence(Topics.item(entityId), null);
    }

    /** Says this window edits {@code field} of the watched item ("title"), or only looks (null). */
    public void editing(String entityId, String field) {
        socket.setPresence(Topics.item(entityId), field == null ? null
                : Json.mapper().createObjectNode().put("editing", field));
    }

    /** Stops following the item and leaves its presence. */
    public void unwatch(String entityId) {
        String topic = Topics.item(entityId);
        socket.clearPresence(topic);
        socket.unsubscribe(topic);
        presence.forget(topic);
    }

    /** The system's chaos flags, read and changed as this user. */
    public ChaosApi chaos() {
        return chaos;
    }

    /** The socket, for its {@link ConnectionState} and listeners. */
    public SocketSession socket() {
        return socket;
    }

    @Override
    public void close() {
        socket.close();
    }
}
