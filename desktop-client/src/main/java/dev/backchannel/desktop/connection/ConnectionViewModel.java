package dev.backchannel.desktop.connection;

import dev.backchannel.client.socket.ConnectionState;
import dev.backchannel.client.socket.SocketSession;
import dev.backchannel.client.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The socket's state in words, for the indicator: "Connected", "Reconnecting in 3 s (attempt 2)"
 * counting down each second, "Resumed: caught up", "Reset: reloaded the list", "Stopped".
 */
public final class ConnectionViewModel {

    /** The indicator's colour. */
    public enum Health { CONNECTING, CONNECTED, RECONNECTING, RESUMED, RESET, STOPPED }

    private static final Duration TICK = Duration.ofSeconds(1);

    // Properties
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("Connecting…");
    private final ReadOnlyObjectWrapper<Health> health = new ReadOnlyObjectWrapper<>(Health.CONNECTING);

    private final Executor ui;
    private final Scheduler scheduler;
    private ConnectionState shown;
    private boolean everDropped;

    public ConnectionViewModel(SocketSession socket, Executor ui, Scheduler scheduler) {
        this.ui = ui;
        this.scheduler = scheduler;
        socket.addStateListener(state -> ui.execute(() -> show(state)));
        ConnectionState now = socket.state();
        ui.execute(() -> show(now));
    }

    private void show(ConnectionState state) {
        shown = state;
        if (state instanceof ConnectionState.Reconnecting) {
            everDropped = true;
        }
        if (state instanceof ConnectionState.Connecting connecting) {
            set(Health.CONNECTING, connecting.attempt() == 0 ? "Connecting…" : "Connecting (attempt " + connecting.attempt() + ")…");
        } else if (state instanceof ConnectionState.Connected
                || state instanceof ConnectionState.Resumed && !everDropped) {
            // a window's first socket resumes from the list it has just loaded: nothing was missed yet
            set(Health.CONNECTED, "Connected");
        } else if (state instanceof ConnectionState.Resumed) {
            set(Health.RESUMED, "Resumed: caught up on what was missed");
        } else if (state instanceof ConnectionState.Reset reset) {
            set(Health.RESET, "Reset: reloaded the list (" + reset.reason() + ")");
        } else if (state instanceof ConnectionState.Reconnecting reconnecting) {
            countDown(reconnecting, seconds(reconnecting.in()));
        } else if (state instanceof ConnectionState.Stopped stopped) {
            set(Health.STOPPED, "Disconnected: " + stopped.reason());
        }
    }

    private void countDown(ConnectionState.Reconnecting reconnecting, long secondsLeft) {
        if (shown != reconnecting) {
            return;
        }
        set(Health.RECONNECTING, "Reconnecting in " + secondsLeft + " s (attempt " + reconnecting.attempt() + ")");
        if (secondsLeft > 0) {
            scheduler.schedule(TICK, () -> ui.execute(() -> countDown(reconnecting, secondsLeft - 1)));
        }
    }

    private static long seconds(Duration in) {
        return (in.toMillis() + 999) / 1000;
    }

    private void set(Health next, String words) {
        health.set(next);
        text.set(words);
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Health> healthProperty() {
        return health.getReadOnlyProperty();
    }
}
