package dev.backchannel.e2e;

import dev.backchannel.schemas.CommandStatus;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemList;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import dev.backchannel.schemas.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** Plain HTTP reads of the query side as one user, for assertions about what the system holds. */
final class QuerySideProbe {

    private final HttpClient http = HttpClient.newHttpClient();
    private final RunningSystem system;
    private final String token;

    QuerySideProbe(RunningSystem system, String userId) {
        this.system = system;
        String body = send(HttpRequest.newBuilder(system.url(Service.API_COMMAND, "/api/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + userId + "\"}")).build()).body();
        this.token = Json.read(body, Session.class).token();
    }

    /** The bearer token this probe signed in with. */
    String token() {
        return token;
    }

    ItemList items() {
        String body = get("/api/items").body();
        return SchemaValidator.instance().readValid(MessageSchema.ITEM_LIST, body, ItemList.class);
    }

    Optional<Item> item(String id) {
        return items().items().stream().filter(item -> item.id().equals(id)).findFirst();
    }

    /** The HTTP status of {@code GET /api/commands/{commandId}} for this user. */
    int commandStatusCode(String commandId) {
        HttpResponse<String> response = get("/api/commands/" + commandId);
        SchemaValidator.instance().requireValid(
                response.statusCode() == 200 ? MessageSchema.COMMAND_STATUS : MessageSchema.PROBLEM, response.body());
        return response.statusCode();
    }

    /** {@code GET /api/commands/{id}}'s answer, valid against its schema; null while it is 404. */
    CommandStatus commandStatus(String commandId) {
        HttpResponse<String> response = get("/api/commands/" + commandId);
        return response.statusCode() != 200 ? null
                : SchemaValidator.instance().readValid(MessageSchema.COMMAND_STATUS, response.body(), CommandStatus.class);
    }

    private HttpResponse<String> get(String path) {
        URI uri = system.url(Service.PROCESSOR, path);
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
