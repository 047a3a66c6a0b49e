package dev.backchannel.e2e;

import static org.awaitility.Awaitility.await;

import dev.backchannel.client.BackchannelClient;
import dev.backchannel.client.ClientConfig;
import dev.backchannel.client.socket.ConnectionState;
import dev.backchannel.client.socket.JdkSocketConnector;
import dev.backchannel.client.socket.SocketConnector;
import dev.backchannel.client.socket.SocketEvents;
import dev.backchannel.client.time.Scheduler;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.MessageSchema;
import dev.backchannel.schemas.Problem;
import dev.backchannel.schemas.SchemaValidator;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * One window of a user: a real client library instance against the running system, which also
 * records every raw frame it receives and checks it against the frame schema.
 */
final class Window implements AutoCloseable {

    private final BackchannelClient client;
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    private Window(RunningSystem system, String userId, Service gateway, UnaryOperator<ClientConfig> tuning) {
        ClientConfig config = tuning.apply(ClientConfig.forUser(userId).withApiUrl(system.apiUrl())
                .withQueryUrl(system.queryUrl()).withSocketUrl(system.socketUrl(gateway))
                // crash and restart scenarios take longer than a person would wait for a toast
                .withReceiptTimeout(Duration.ofMinutes(2)));
        SocketConnector real = new JdkSocketConnector(HttpClient.newHttpClient(), Duration.ofSeconds(5));
        SocketConnector recording = (url, token, events) -> real.connect(url, token, new SocketEvents() {
            @Override
            public void onText(String text) {
                for (Problem.FieldError error : SchemaValidator.instance().violations(MessageSchema.FRAME, text)) {
                    violations.add(text + ": " + error);
                }
                events.onText(text);
            }

            @Override
            public void onClosed(int code, String reason) {
                events.onClosed(code, reason);
            }

            @Override
            public void onError(Throwable error) {
                events.onError(error);
            }
        });
        this.client = BackchannelClient.connect(config, Scheduler.system(), recording);
        client.socket().addFrameListener(frames::add);
    }

    /** Opens a window for {@code userId} and waits for the gateway's welcome. */
    static Window open(RunningSystem system, String userId) {
        return open(system, userId, Service.SOCKET_GATEWAY);
    }

    /** Opens a window for {@code userId} on one gateway node and waits for its welcome. */
    static Window open(RunningSystem system, String userId, Service gateway) {
        return open(system, userId, gateway, UnaryOperator.identity());
    }

    /** As {@link #open(RunningSystem, String, Service)}, with the client configuration changed by {@code tuning}. */
    static Window open(RunningSystem system, String userId, Service gateway, UnaryOperator<ClientConfig> tuning) {
        Window window = new Window(system, userId, gateway, tuning);
        // the welcome may come before the frame listener is attached (v2 sends it at once): the
        // socket's state says it was welcomed either way
        await().atMost(Duration.ofSeconds(20))
                .until(() -> window.frames.stream().anyMatch(Frame.Welcome.class::isInstance)
                        || window.client.socket().state() instanceof ConnectionState.Connected
                        || window.client.socket().state() instanceof ConnectionState.Resumed);
        return window;
    }

    BackchannelClient client() {
        return client;
    }

    List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** The command.succeeded / command.failed frames this window got for {@code commandId}. */
    List<Frame.CommandOutcome> outcomesOf(String commandId) {
        return frames.stream().filter(Frame.CommandOutcome.class::isInstance).map(Frame.CommandOutcome.class::cast)
                .filter(outcome -> outcome.commandId().equals(commandId)).toList();
    }

    /** The event ids of every command.succeeded / command.failed frame, first arrival of each, in arrival order. */
    List<String> outcomeEventIdsInArrivalOrder() {
        return frames.stream().filter(Frame.CommandOutcome.class::isInstance).map(Frame.CommandOutcome.class::cast)
                .map(Frame.CommandOutcome::eventId).distinct().toList();
    }

    /** The entity.changed frames this window got for {@code entityId}. */
    List<Frame.EntityChanged> changesOf(String entityId) {
        return frames.stream().filter(Frame.EntityChanged.class::isInstance).map(Frame.EntityChanged.class::cast)
                .filter(changed -> changed.entityId().equals(entityId)).toList();
    }

    /** Raw frames that did not match frame.schema.json (the client drops them; tests must not see any). */
    List<String> schemaViolations() {
        return List.copyOf(violations);
    }

    @Override
    public void close() {
        client.close();
    }
}
