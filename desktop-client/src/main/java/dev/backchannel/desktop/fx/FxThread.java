package dev.backchannel.desktop.fx;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one way onto the JavaFX application thread: every socket, HTTP and scheduler callback that
 * changes what the scene shows goes through here. Runs at once when already on the FX thread,
 * else queues with {@link Platform#runLater}. View models take it as an {@link Executor} so that
 * their tests can pass {@code Runnable::run}.
 */
public final class FxThread implements Executor {

    public static final FxThread INSTANCE = new FxThread();

    private FxThread() {
    }

    public static void run(Runnable task) {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    }

    @Override
    public void execute(Runnable task) {
        run(task);
    }
}
