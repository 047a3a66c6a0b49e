package dev.backchannel.gateway.routing;

import dev.backchannel.schemas.CloseCodes;

/**
 * Why this node closes a socket: the close code the client gets, the reason it reads, and the name
 * the close is counted under ({@code backchannel_gateway_limit_enforced_total{limit}}, or the
 * slow-consumer counter), null for closes that are not a limit.
 */
public enum ServerClose {
    TOO_SLOW(CloseCodes.TOO_SLOW, "too slow: reconnect and resume", "slow-consumer"),
    UNRESPONSIVE(CloseCodes.TOO_SLOW, "no answer to pings: reconnect and resume", "unresponsive"),
    TOKEN_EXPIRED(CloseCodes.TOKEN_EXPIRED, "token expired: sign in again and resume", "token-expired"),
    TOO_MANY_CONNECTIONS(CloseCodes.TOO_MANY_CONNECTIONS, "too many sockets open: close one first",
            "connections-per-user"),
    TOO_BIG(CloseCodes.TOO_BIG, "message too large", null),
    /** 1008: more messages than the socket's inbound budget allows, for too long. */
    FLOODING(CloseCodes.POLICY_VIOLATION, "too many messages: slow down", "message-rate"),
    /** 1008: bad requests in a row. */
    BAD_REQUESTS(CloseCodes.POLICY_VIOLATION, "too many bad requests: fix the client", "bad-requests"),
    GOING_AWAY(CloseCodes.GOING_AWAY, "server going away: reconnect and resume", null),
    CHAOS(CloseCodes.CHAOS, "chaos: reconnect and resume", null),
    INTERNAL_ERROR(1011, "internal error: reconnect and resume", null);

    private final int code;
    private final String reason;
    private final String limit;

    ServerClose(int code, String reason, String limit) {
        this.code = code;
        this.reason = reason;
        this.limit = limit;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    /** The limit this close enforces, or null. */
    public String limit() {
        return limit;
    }
}
