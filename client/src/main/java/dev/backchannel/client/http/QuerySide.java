package dev.backchannel.client.http;

import dev.backchannel.schemas.CommandStatus;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemList;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The processor's read model: {@code GET /api/items} and {@code GET /api/commands/{id}}. */
public final class QuerySide {

    private final HttpClient http;
    private final URI baseUrl;
    private final TokenSource tokens;
    private final Duration timeout;

    public QuerySide(HttpClient http, URI queryUrl, TokenSource tokens, Duration timeout) {
        this.http = http;
        this.baseUrl = queryUrl;
        this.tokens = tokens;
        this.timeout = timeout;
    }

    /**
     * Every item, page after page, and the id of the last event the whole listing includes (the
     * first page's, which the server repeats on every page of one listing).
     */
    public CompletableFuture<ItemList> items() {
        return page(null, new ArrayList<>(), null);
    }

    private CompletableFuture<ItemList> page(String cursor, List<Item> so, String lastEventId) {
        URI uri = Endpoints.at(baseUrl, Endpoints.ITEMS
                + (cursor == null ? "" : "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
        return get(uri).thenCompose(response -> {
            requireOk(response, "items");
            ItemList page = SchemaValidator.instance().readValid(MessageSchema.ITEM_LIST, response.body(),
                    ItemList.class);
            so.addAll(page.items());
            String listed = cursor == null ? page.lastEventId() : lastEventId;
            return page.next() == null ? CompletableFuture.completedFuture(new ItemList(List.copyOf(so), listed))
                    : page(page.next(), so, listed);
        });
    }

    /** The outcome of one of this user's commands; empty (404) while it is not processed yet. */
    public CompletableFuture<Optional<CommandStatus>> commandStatus(String commandId) {
        return get(Endpoints.command(baseUrl, commandId)).thenApply(response -> {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            requireOk(response, "status of command " + commandId);
            return Optional.of(SchemaValidator.instance()
                    .readValid(MessageSchema.COMMAND_STATUS, response.body(), CommandStatus.class));
        });
    }

    private CompletableFuture<HttpResponse<String>> get(URI uri) {
        return tokens.token().thenCompose(token -> http.sendAsync(
                HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static void requireOk(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new ProblemException("reading " + what + " failed", ProblemException.problemOf(response));
        }
    }
}
