package dev.backchannel.desktop.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.backchannel.client.ClientConfig;
import dev.backchannel.client.time.Backoff;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandAccepted;
import dev.backchannel.schemas.ItemList;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.Session;
import dev.backchannel.schemas.SessionRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The whole system in one test fixture: the JDK's HTTP server on 127.0.0.1:0 answers sessions,
 * commands, items, command status and chaos; {@link FakeItems} decides each command and
 * {@link FakeGateway} pushes the outcome. Commands can be made to fail at the API first
 * ({@link #failNextCommandPosts}); chaos can be switched off (404).
 */
public final class FakeBackchannel implements AutoCloseable {

    private final HttpServer server;
    private final FakeGateway gateway = new FakeGateway();
    private final FakeItems items = new FakeItems(gateway);
    private final List<String> chaosPuts = new ArrayList<>();
    private final List<Command> commands = new ArrayList<>();
    private final Deque<Integer> commandFailures = new ArrayDeque<>();
    private volatile ChaosFlags chaos = ChaosFlags.calm(500, 2000);
    private volatile boolean chaosEnabled = true;
    private volatile int chaosPutStatus = 200;

    private FakeBackchannel() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeBackchannel start() {
        try {
            return new FakeBackchannel();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A configuration pointing at this fake, with quick retries. */
    public ClientConfig config(String userId) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return ClientConfig.forUser(userId).withApiUrl(url).withQueryUrl(url)
                .withSocketUrl(URI.create("ws://127.0.0.1:1/ws"))
                .withCommandRetries(new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), 2.0), 4)
                .withRequestTimeout(Duration.ofSeconds(5));
    }

    public FakeGateway gateway() {
        return gateway;
    }

    public FakeItems items() {
        return items;
    }

    /** The next POSTs of commands answer these statuses (then commands are taken again). */
    public synchronized void failNextCommandPosts(Integer... statuses) {
        commandFailures.addAll(List.of(statuses));
    }

    public void disableChaos() {
        chaosEnabled = false;
    }

    public void answerChaosPutsWith(int status) {
        chaosPutStatus = status;
    }

    public synchronized List<String> chaosPuts() {
        return List.copyOf(chaosPuts);
    }

    public synchronized List<Command> commands() {
        return List.copyOf(commands);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        if (route.equals("POST /api/sessions")) {
            String user = Json.read(body, SessionRequest.class).userId();
            reply(exchange, 201, Json.write(new Session(user, "t." + user + ".s", Instant.parse("2100-01-01T00:00:00Z"))));
        } else if (route.equals("GET /api/items")) {
            reply(exchange, 200, Json.write(new ItemList(items.all(), items.lastEventId())));
        } else if (route.startsWith("GET /api/commands/")) {
            reply(exchange, 404, "");
        } else if (route.equals("POST /api/commands")) {
            postCommand(exchange, body);
        } else if (route.equals("GET /api/chaos")) {
            reply(exchange, chaosEnabled ? 200 : 404, chaosEnabled ? Json.write(chaos) : "");
        } else if (route.equals("PUT /api/chaos")) {
            synchronized (this) {
                chaosPuts.add(body);
            }
            if (chaosEnabled && chaosPutStatus == 200) {
                chaos = Json.read(body, ChaosFlags.class);
            }
            reply(exchange, chaosEnabled ? chaosPutStatus : 404, chaosPutStatus == 200 ? body
                    : "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":" + chaosPutStatus + "}");
        } else {
            reply(exchange, 404, "");
        }
    }

    private void postCommand(HttpExchange exchange, String body) throws IOException {
        Integer failure;
        synchronized (this) {
            failure = commandFailures.poll();
        }
        if (failure != null) {
            reply(exchange, failure, "{\"type\":\"about:blank\",\"title\":\"Failed\",\"status\":" + failure
                    + ",\"detail\":\"title must be 1 to 200 characters\"}");
            return;
        }
        Command command = Json.read(body, Command.class);
        Instant acceptedAt = Instant.now();
        synchronized (this) {
            commands.add(command);
        }
        reply(exchange, 202, Json.write(CommandAccepted.of(command.commandId(), acceptedAt)));
        String user = exchange.getRequestHeaders().getFirst("Authorization").split("\\.")[1];
        items.decide(command, user, acceptedAt);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json"
                    : "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
