package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.schemas.ClientRequest;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Json;
import dev.backchannel.schemas.Topics;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** 200 users sending random commands: no frame reaches a connection that is not its user's or subscribed. */
class IsolationTest {

    private static final int USERS = 200;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final RunningSystem system = RunningSystem.get();

    @Test
    void shouldNeverDeliverAFrameToAConnectionThatIsNotItsUsersOrSubscribedToItsTopic() {
        Random random = new Random(42);
        List<String> users = new ArrayList<>();
        Map<String, String> tokens = new HashMap<>();
        Map<String, RawSocket> sockets = new HashMap<>();
        Set<String> watchers = ConcurrentHashMap.newKeySet();
        Map<String, String> ownerOfCommand = new ConcurrentHashMap<>();
        try {
            for (int i = 0; i < USERS; i++) {
                String user = "iso-" + i;
                users.add(user);
                tokens.put(user, new QuerySideProbe(system, user).token());
                Service gateway = i % 2 == 0 ? Service.SOCKET_GATEWAY : Service.SOCKET_GATEWAY_B;
                RawSocket socket = RawSocket.open(system, gateway, tokens.get(user));
                sockets.put(user, socket);
                if (random.nextInt(3) == 0) {
                    socket.send(new ClientRequest.Subscribe(Topics.ITEMS));
                    watchers.add(user);
                }
            }

            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (String user : users) {
                int count = 1 + random.nextInt(2);
                for (int c = 0; c < count; c++) {
                    Command command = Commands.create(Commands.newEntityId(), user + " item " + c);
                    ownerOfCommand.put(command.commandId(), user);
                    answers.add(post(tokens.get(user), command));
                }
            }
            answers.forEach(answer -> assertThat(answer.join().statusCode()).isEqualTo(202));

            await().atMost(Duration.ofSeconds(120)).until(() -> ownerOfCommand.entrySet().stream()
                    .allMatch(e -> sockets.get(e.getValue()).outcomes().stream()
                            .anyMatch(o -> o.commandId().equals(e.getKey()))));
            // every watcher has seen the last change, so no stray frame is still on its way
            String lastEntity = lastChangedEntity(sockets, watchers);
            await().atMost(Duration.ofSeconds(60)).until(() -> watchers.stream()
                    .allMatch(w -> sockets.get(w).events().stream().anyMatch(
                            e -> e instanceof Frame.EntityChanged changed && changed.entityId().equals(lastEntity))));

            long frames = 0;
            for (String user : users) {
                RawSocket socket = sockets.get(user);
                for (Frame.Event event : socket.events()) {
                    frames++;
                    if (event instanceof Frame.CommandOutcome outcome) {
                        assertThat(ownerOfCommand.get(outcome.commandId())).as("outcome on %s's socket", user)
                                .isEqualTo(user);
                    } else if (event instanceof Frame.EntityChanged) {
                        assertThat(watchers).as("entity.changed on %s's socket", user).contains(user);
                    }
                }
                assertThat(socket.schemaViolations()).isEmpty();
            }
            System.out.printf("isolation: %d users (%d watching items), %d commands, %d frames checked%n", USERS,
                    watchers.size(), ownerOfCommand.size(), frames);
        } finally {
            sockets.values().forEach(RawSocket::close);
        }
    }

    /** The entity of the last command committed: its entity.changed is the last event of the run. */
    private static String lastChangedEntity(Map<String, RawSocket> sockets, Set<String> watchers) {
        return sockets.values().stream().flatMap(socket -> socket.outcomes().stream())
                .max((a, b) -> a.eventId().compareTo(b.eventId())).orElseThrow().entityId();
    }

    private CompletableFuture<HttpResponse<String>> post(String token, Command command) {
        HttpRequest request = HttpRequest.newBuilder(system.url(Service.API_COMMAND, "/api/commands"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(command))).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
