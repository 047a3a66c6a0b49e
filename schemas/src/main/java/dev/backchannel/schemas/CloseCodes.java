package dev.backchannel.schemas;

/**
 * WebSocket close codes the gateway uses, and what a client should do on each. The contract does
 * not name them; these are Backchannel's (4000-4999 is the range RFC 6455 leaves to applications).
 */
public final class CloseCodes {
    /** The node is shutting down: reconnect (to any node) and resume. */
    public static final int GOING_AWAY = 1001;
    /** A request broke a rule (bad origin, forbidden topic, repeated bad input): do not retry as is. */
    public static final int POLICY_VIOLATION = 1008;
    /** A client message was larger than the gateway accepts. */
    public static final int TOO_BIG = 1009;
    /** The token expired: fetch a new token, reconnect and resume. */
    public static final int TOKEN_EXPIRED = 4001;
    /** The client did not read its frames fast enough: reconnect and resume. */
    public static final int TOO_SLOW = 4002;
    /** The user has too many open sockets: close one first. */
    public static final int TOO_MANY_CONNECTIONS = 4003;
    /** Closed on purpose by the gatewayDisconnectRate chaos flag: reconnect and resume. */
    public static final int CHAOS = 4004;

    private CloseCodes() {
    }

    /** Whether a client should reconnect (with backoff) and resume after this code. */
    public static boolean shouldReconnect(int code) {
        return code != POLICY_VIOLATION && code != TOO_MANY_CONNECTIONS;
    }
}
