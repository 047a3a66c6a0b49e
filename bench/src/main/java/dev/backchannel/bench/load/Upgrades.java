package dev.backchannel.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.concurrent.TimeoutException;

/**
 * Opens a load-generator websocket with a bound on its upgrade kept by a timer of our own. Vert.x's
 * own bound ({@link WebSocketConnectOptions#setTimeout}) is not used: vertx-core 4.5.26 cancels that
 * timer only {@code if (timer > 0L)}, and timer ids start at 0, so when the bound is the first timer
 * of a Vert.x instance it is never cancelled and closes its websocket (1000, no reason) once it
 * elapses, long after the upgrade succeeded. In a load worker that was socket 0, 30 s after it
 * opened: the gateway saw a normal close and forgot it, and the presence scenario's last run counted
 * its frames missing ({@code docs/performance.md}, "The missing frame").
 */
final class Upgrades {

    /** The default bound on an upgrade. */
    static final long TIMEOUT_MS = 30_000;

    private Upgrades() {
    }

    /**
     * Completes with the open websocket, or fails when the upgrade fails or takes longer than
     * {@code timeoutMs} (a websocket that opens after that is closed at once).
     */
    static Future<WebSocket> connect(Vertx vertx, WebSocketClient client, WebSocketConnectOptions options,
            long timeoutMs) {
        Promise<WebSocket> opened = Promise.promise();
        long timer = vertx.setTimer(timeoutMs, id -> opened.tryFail(
                new TimeoutException("no websocket upgrade within " + timeoutMs + " ms")));
        client.connect(options).onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.failed()) {
                opened.tryFail(result.cause());
            } else if (!opened.tryComplete(result.result())) {
                result.result().close();
            }
        });
        return opened.future();
    }
}
