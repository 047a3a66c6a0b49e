package dev.backchannel.e2e;

import static org.awaitility.Awaitility.await;

import dev.backchannel.client.socket.JdkSocketConnector;
import dev.backchannel.client.socket.SocketConnection;
import dev.backchannel.client.socket.SocketEvents;
import dev.backchannel.schemas.ClientRequest;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.SchemaValidator;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One websocket through the client library's connector, without the session logic on top: the
 * test decides when to subscribe, resume and close. Every frame is checked against the schema.
 */
final class RawSocket implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile Integer closeCode;
    private final SocketConnection connection;

    private RawSocket(RunningSystem system, Service gateway, String token) {
        SocketEvents events = new SocketEvents() {
            @Override
            public void onText(String text) {
                SchemaValidator.instance().violations(MessageSchema.FRAME, text)
                        .forEach(error -> violations.add(text + ": " + error));
                try {
                    frames.add(Json.read(text, Frame.class));
                } catch (RuntimeException newerFrame) {
                    // a tolerant reader: a frame of a type this test does not know is only a schema finding
                }
            }

            @Override
            public void onClosed(int code, String reason) {
                closeCode = code;
            }

            @Override
            public void onError(Throwable error) {
                closeCode = -1;
            }
        };
        this.connection = new JdkSocketConnector(HTTP, Duration.ofSeconds(5))
                .connect(system.socketUrl(gateway), token, events).orTimeout(20, TimeUnit.SECONDS).join();
    }

    /** Connects and waits for the welcome. */
    static RawSocket open(RunningSystem system, Service gateway, String token) {
        RawSocket socket = new RawSocket(system, gateway, token);
        await().atMost(Duration.ofSeconds(20)).until(() -> socket.welcomes() >= 1);
        return socket;
    }

    void send(ClientRequest request) {
        connection.send(Json.write(request));
    }

    /** Any text, as a client might send it (fuzzing). */
    void sendText(String text) {
        connection.send(text);
    }

    /** The close code the server sent (-1 for a broken connection); null while open. */
    Integer closeCode() {
        return closeCode;
    }

    List<Frame> frames() {
        return List.copyOf(frames);
    }

    List<Frame.Event> events() {
        return frames.stream().filter(Frame.Event.class::isInstance).map(Frame.Event.class::cast).toList();
    }

    List<Frame.CommandOutcome> outcomes() {
        return frames.stream().filter(Frame.CommandOutcome.class::isInstance).map(Frame.CommandOutcome.class::cast)
                .toList();
    }

    long welcomes() {
        return frames.stream().filter(Frame.Welcome.class::isInstance).count();
    }

    boolean resumed() {
        return frames.stream().anyMatch(f -> f instanceof Frame.Welcome welcome && welcome.resumed());
    }

    List<String> schemaViolations() {
        return List.copyOf(violations);
    }

    @Override
    public void close() {
        if (closeCode == null) {
            connection.close(1000, "test done");
        }
    }
}
