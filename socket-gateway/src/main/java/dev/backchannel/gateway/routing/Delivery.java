package dev.backchannel.gateway.routing;

/** What became of one frame offered to one socket. */
public enum Delivery {
    /** Queued for writing. */
    SENT,
    /** Held back until the socket's replay is done; sent after it. */
    HELD,
    /** Not sent: the socket already had this event id (or a later one). */
    REPEAT,
    /** Not sent: the socket is closed or closing. */
    DROPPED,
    /** Not sent: the socket had too many unflushed frames and was closed with TOO_SLOW just now. */
    CLOSED_TOO_SLOW
}
