package dev.backchannel.gateway.routing;

/** What became of one frame offered to one socket. */
public enum Delivery {
    /** Queued for writing. */
    SENT,
    /** Not sent: the socket is closed or closing. */
    DROPPED,
    /** Not sent: the socket had too many unflushed frames and was closed with TOO_SLOW just now. */
    CLOSED_TOO_SLOW
}
