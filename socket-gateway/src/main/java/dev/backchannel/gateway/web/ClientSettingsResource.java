package dev.backchannel.gateway.web;

import dev.backchannel.gateway.config.GatewayConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /client-settings.json}: where the browser client served at {@code /} finds the
 * services it calls directly, {@code {"apiUrl","queryUrl","socketPath","testHooks"}}; {@code testHooks} says whether the page
 * exposes its test hooks (off unless configured, {@code backchannel.gateway.client.test-hooks}). The gateway has no
 * REST extension, so this is a plain Vert.x route on the HTTP server Quarkus already runs.
 */
@ApplicationScoped
public class ClientSettingsResource {

    /** The websocket endpoint, relative to the page's own origin. */
    static final String SOCKET_PATH = "/ws";

    private final String body;

    ClientSettingsResource(GatewayConfig config) {
        this.body = new JsonObject().put("apiUrl", config.client().apiUrl())
                .put("queryUrl", config.client().queryUrl()).put("socketPath", SOCKET_PATH)
                .put("testHooks", config.client().testHooks()).encode();
    }

    /** What {@code /client-settings.json} answers. */
    String body() {
        return body;
    }

    void route(@Observes Router router) {
        router.get("/client-settings.json").handler(context -> context.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(body));
    }
}
