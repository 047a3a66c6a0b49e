package dev.backchannel.client.socket;

/** Told of every {@link ConnectionState} change, on a socket or scheduler thread. */
@FunctionalInterface
public interface ConnectionListener {

    void onStateChanged(ConnectionState state);
}
