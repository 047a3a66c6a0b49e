package dev.backchannel.client.socket;

import java.time.Duration;

/** Where the socket stands, for a UI's status line. */
public sealed interface ConnectionState {

    /** Opening the socket; {@code attempt} counts reconnects since the last welcome (0 = first try). */
    record Connecting(int attempt) implements ConnectionState {
    }

    /** Welcomed on a fresh connection. */
    record Connected(String connectionId) implements ConnectionState {
    }

    /** Welcomed after a resume: everything missed while away has been replayed. */
    record Resumed(String connectionId) implements ConnectionState {
    }

    /** Events were missed and cannot be replayed: the client reloads through the query side. */
    record Reset(String reason) implements ConnectionState {
    }

    /** Dropped ({@code closeCode} 0 when there was no close frame); the next try starts {@code in}. */
    record Reconnecting(Duration in, int attempt, int closeCode, String reason) implements ConnectionState {
    }

    /** Closed for good: by the client, or by the server with a code that forbids reconnecting. */
    record Stopped(int closeCode, String reason) implements ConnectionState {
    }
}
