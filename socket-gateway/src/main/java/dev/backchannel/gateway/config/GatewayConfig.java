package dev.backchannel.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything the socket gateway lets an operator tune; keys live under {@code backchannel.gateway}. */
@ConfigMapping(prefix = "backchannel.gateway")
public interface GatewayConfig {

    /**
     * This node's name. It is the AMQP container id and link name of the node's own durable
     * subscription on the {@code status} address, so a node that comes back with the same id gets
     * the events queued for it meanwhile. Unset (the default): a name made for this process
     * ({@code gateway-<host>-<random>}), unique, but new on every start. Two running processes with
     * one id would share one subscription and each see only part of the events: the second one to
     * start is refused (it exits with an error) after {@link #nodeClaimWindow()}.
     */
    Optional<String> nodeId();

    /**
     * How long a starting node waits for another process to say its node id is taken, before it
     * attaches its subscription. Long enough for a message to cross the broker (cluster) and back.
     */
    @WithDefault("2s")
    Duration nodeClaimWindow();

    /**
     * The largest client message accepted, in bytes (also applied as
     * {@code quarkus.websockets-next.server.max-message-size}). A larger message closes the socket
     * with {@code CloseCodes.TOO_BIG}.
     */
    @WithDefault("16384")
    int maxMessageBytes();

    /**
     * Frames a socket may have queued but not yet flushed to the network. A socket beyond this is a
     * client that stopped reading: it is closed with {@code CloseCodes.TOO_SLOW} and forgotten, so it
     * cannot grow the heap.
     */
    @WithDefault("1000")
    int maxPendingFrames();

    /** Open sockets one user may have on this node; one more is closed with {@code TOO_MANY_CONNECTIONS}. */
    @WithDefault("20")
    int maxConnectionsPerUser();

    /**
     * Topics one socket may follow at once ({@code items} and any {@code items/<entityId>}); one
     * more subscribe is refused with {@code error too_many_subscriptions} and the socket stays open.
     */
    @WithDefault("100")
    int maxSubscriptionsPerSocket();

    /**
     * Origins a browser may open the socket from. {@code self} is the gateway's own origin (the
     * {@code Origin} header names the same host and port as the {@code Host} header), {@code *} is
     * any origin, anything else an exact origin such as {@code https://app.example.com}. An upgrade
     * without {@code Origin} (not a browser) is always allowed; any other is refused with 403.
     */
    @WithDefault("self")
    List<String> allowedOrigins();

    /**
     * A socket that has sent nothing, not even a pong to the server's pings
     * ({@code quarkus.websockets-next.server.auto-ping-interval}), for this long is closed with
     * {@code TOO_SLOW} and forgotten. Keep it above two ping intervals.
     */
    @WithDefault("75s")
    Duration livenessTimeout();

    /**
     * How long before its token expires a {@code backchannel.v2} socket is sent {@code token.expiring}
     * (it may then send {@code token.refresh}); a token with less left is warned at once.
     */
    @WithDefault("60s")
    Duration tokenWarning();

    /** On shutdown, how long to wait for the {@code GOING_AWAY} close frames to reach the clients. */
    @WithDefault("3s")
    Duration shutdownGrace();

    /**
     * Whether chaos flags from the {@code chaos} address take effect here ({@code gatewayDisconnectRate}).
     * Off unless the environment says {@code BACKCHANNEL_CHAOS_ENABLED=true}; on in tests.
     */
    @WithDefault("${BACKCHANNEL_CHAOS_ENABLED:false}")
    boolean chaosEnabled();

    /**
     * Status events the broker may stream ahead to this node before it accepted the earlier ones (the
     * AMQP link credit of the node's subscription). Enough to keep the push busy; every one of them is
     * still accepted only after it was pushed.
     */
    @WithDefault("1000")
    int statusPrefetch();

    /** Bounds of the per-user and per-topic history kept for {@code resume}, and the resume hold. */
    Replay replay();

    /** Where the browser client served at {@code /} sends commands and queries. */
    Client client();

    /** Presence between gateway nodes (the broker's {@code presence} address). */
    Presence presence();

    /** How much one socket may send (closed with 1008, {@code CloseCodes.POLICY_VIOLATION}, beyond it). */
    Inbound inbound();

    interface Inbound {
        /** Messages a socket may send per second, on average (a token bucket's refill rate). */
        @WithDefault("20")
        int messagesPerSecond();

        /** Messages a socket may send at once above that average (the bucket's size). */
        @WithDefault("40")
        int burst();

        /**
         * Messages over the rate a socket may send before its bucket is full again: the first is
         * answered with {@code error rate_limited}, the next are dropped, this many close the socket with 1008.
         */
        @WithDefault("40")
        int maxRefused();

        /** {@code error bad_request} answers in a row after which the socket is closed with 1008. */
        @WithDefault("10")
        int maxBadRequests();
    }

    interface Presence {
        /** How often this node announces all its members to the others (also its heartbeat). */
        @WithDefault("3s")
        Duration announceInterval();

        /** A node not heard from for this long is taken for dead: its members leave. */
        @WithDefault("10s")
        Duration nodeTimeout();

        /** The largest {@code state} of a {@code presence.set}, as UTF-8 JSON. */
        @WithDefault("1024")
        int maxStateBytes();
    }

    interface Client {
        /** Base URL of api-command as the browser reaches it. */
        @WithDefault("http://localhost:8081")
        String apiUrl();

        /** Base URL of the processor's query side as the browser reaches it. */
        @WithDefault("http://localhost:8082")
        String queryUrl();

        /**
         * Whether the page exposes its test hooks ({@code window.__backchannel}: drop or hold the socket,
         * read its state) for browser tests. Off unless {@code BACKCHANNEL_PAGE_TEST_HOOKS=true}; on in tests.
         */
        @WithDefault("${BACKCHANNEL_PAGE_TEST_HOOKS:false}")
        boolean testHooks();
    }

    interface Replay {

        /** Events older than this (since this node consumed them) are forgotten. */
        @WithDefault("5m")
        Duration maxAge();

        /** Events kept per user; older ones are forgotten first. */
        @WithDefault("1000")
        int maxEventsPerUser();

        /** Events kept per topic; older ones are forgotten first. */
        @WithDefault("1000")
        int maxEventsPerTopic();

        /**
         * How long a new socket holds back live events while waiting for the client's {@code resume}
         * (clients send it right after connecting). Holding keeps the order: replayed events first,
         * then live ones. A resume that comes later, after live events were sent, is answered with
         * {@code reset}.
         */
        @WithDefault("500ms")
        Duration resumeHold();
    }
}
