package dev.backchannel.client.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JDK's HTTP server on 127.0.0.1:0 answering scripted responses per route ("POST /api/commands"):
 * each request takes the next answer, the last one repeats. Signs anyone in by default.
 */
public final class FakeApi implements AutoCloseable {

    public static final String TOKEN = "aaaa.bbbb.cccc";

    public record Answer(int status, Map<String, String> headers, String body) {
        public static Answer of(int status, String body) {
            return new Answer(status, Map.of(), body);
        }

        public static Answer of(int status) {
            return new Answer(status, Map.of(), "");
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Answer(status, more, body);
        }
    }

    public record Received(String method, String path, Headers headers, String body) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> scripts = new HashMap<>();
    private final List<Received> received = new ArrayList<>();

    private FakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        answer("POST", "/api/sessions", Answer.of(201,
                "{\"userId\":\"alice\",\"token\":\"" + TOKEN + "\",\"expiresAt\":\"2100-01-01T00:00:00Z\"}"));
        server.start();
    }

    public static FakeApi start() {
        try {
            return new FakeApi();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Scripts the answers of one route. */
    public synchronized FakeApi answer(String method, String path, Answer... answers) {
        scripts.put(method + " " + path, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    public synchronized List<Received> received(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Answer answer;
        synchronized (this) {
            received.add(new Received(method, path, exchange.getRequestHeaders(), body));
            Deque<Answer> script = scripts.get(method + " " + path);
            answer = script == null ? Answer.of(404)
                    : script.size() > 1 ? script.poll() : script.peek();
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (!answer.body().isEmpty()) {
            exchange.getResponseHeaders().add("Content-Type",
                    answer.status() >= 400 ? "application/problem+json" : "application/json");
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
