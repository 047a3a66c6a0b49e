package dev.backchannel.gateway.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /client-settings.json}: where the browser client served at {@code /} finds the
 * services it calls directly, {@code {"apiUrl","queryUrl","socketPath"}}. The gateway has no
 * REST extension, so this is a plain Vert.x route on the HTTP server Quarkus already runs.
 */
@ApplicationScoped
public class ClientSettingsResource {

    /** The websocket endpoint, relative to the page's own origin. */
    static final String SOCKET_PATH = "/ws";

    private final String body;

    ClientSettingsResource(
            @ConfigProperty(name = "backchannel.gateway.client.api-url", defaultValue = "http://localhost:8081")
            String apiUrl,
            @ConfigProperty(name = "backchannel.gateway.client.query-url", defaultValue = "http://localhost:8082")
            String queryUrl) {
        this.body = new JsonObject().put("apiUrl", apiUrl).put("queryUrl", queryUrl)
                .put("socketPath", SOCKET_PATH).encode();
    }

    void route(@Observes Router router) {
        router.get("/client-settings.json").handler(context -> context.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(body));
    }
}
