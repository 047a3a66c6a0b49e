package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.http.Attempt;
import dev.backchannel.client.http.CommandListener;
import dev.backchannel.client.http.SessionTokens;
import dev.backchannel.client.receipts.Receipt;
import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.client.time.Backoff;
import dev.backchannel.client.time.Scheduler;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL the broker while commands flow, then start it again (its journal stays on disk): the
 * api answers 503 meanwhile, every service reconnects by itself, and nothing accepted is lost.
 */
class BrokerOutageTest {

    private static final int BEFORE_OUTAGE = 30;
    private static final int DURING_OUTAGE = 10;
    private static final int AFTER_OUTAGE = 10;
    private static final List<Service> RECONNECTING = List.of(Service.API_COMMAND, Service.PROCESSOR,
            Service.SOCKET_GATEWAY, Service.SOCKET_GATEWAY_B);

    private final RunningSystem system = RunningSystem.get();
    private final ChaosSwitch chaos = new ChaosSwitch(system);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private boolean brokerDown;

    @AfterEach
    void bringTheBrokerBackAndCalmDown() {
        if (brokerDown) {
            system.restart(Service.BROKER);
            RECONNECTING.forEach(system::awaitReady);
        }
        chaos.calm();
    }

    @Test
    void shouldAnswer503DuringABrokerOutageAndLoseNothingAcceptedOnceItIsBack() {
        // patient enough to outlast a broker restart on a slow machine: 503 carries Retry-After
        try (Window window = Window.open(system, "otto", Service.SOCKET_GATEWAY,
                config -> config.withCommandRetries(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(3), 2.0),
                        40))) {
            Map<Integer, Integer> answers = new ConcurrentHashMap<>();
            window.client().addCommandListener(new CommandListener() {
                @Override
                public void onAttempt(Attempt attempt) {
                    answers.merge(attempt.status(), 1, Integer::sum);
                }
            });
            List<Command> commands = new ArrayList<>();
            for (int i = 0; i < BEFORE_OUTAGE; i++) {
                commands.add(submit(window, "Before the outage " + i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> settledCount(window, commands) >= BEFORE_OUTAGE / 5);

            system.kill(Service.BROKER);
            brokerDown = true;
            long settledBeforeKill = settledCount(window, commands);
            for (int i = 0; i < DURING_OUTAGE; i++) {
                commands.add(submit(window, "During the outage " + i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> answers.getOrDefault(503, 0) > 0);
            int directAnswer = postWithoutBroker();
            await("every service reports the broker link down").atMost(Duration.ofSeconds(30))
                    .until(() -> RECONNECTING.stream().noneMatch(this::ready));

            system.restart(Service.BROKER);
            brokerDown = false;
            RECONNECTING.forEach(system::awaitReady);
            for (int i = 0; i < AFTER_OUTAGE; i++) {
                commands.add(submit(window, "After the outage " + i));
            }

            await().atMost(Duration.ofMinutes(3)).until(() -> settledCount(window, commands) == commands.size());
            assertThat(directAnswer).as("POST /api/commands while the broker is away").isEqualTo(503);
            assertThat(answers).as("answers the client library saw").containsKey(503);
            assertThat(settledBeforeKill).as("the kill happened with commands still in flight")
                    .isLessThan(BEFORE_OUTAGE);
            assertThat(commands).extracting(c -> window.client().receipts().get(c.commandId()).orElseThrow())
                    .extracting(Receipt::state).containsOnly(ReceiptState.SUCCEEDED);
            Map<String, Item> stored = new QuerySideProbe(system, "otto").items().items().stream()
                    .collect(Collectors.toMap(Item::id, Function.identity()));
            assertThat(commands).allSatisfy(c -> {
                assertThat(stored.get(c.entityId())).as(c.data().title()).isNotNull();
                assertThat(stored.get(c.entityId()).version()).as("%s applied once", c.data().title()).isEqualTo(1);
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> commands.stream()
                    .allMatch(c -> !window.outcomesOf(c.commandId()).isEmpty()));
            assertThat(commands).allSatisfy(c -> assertThat(window.outcomesOf(c.commandId()))
                    .extracting(Frame.CommandOutcome::eventId).as("outcome events of %s", c.commandId())
                    .containsOnly(window.outcomesOf(c.commandId()).get(0).eventId()));
            assertThat(window.schemaViolations()).isEmpty();
            System.out.printf("broker outage: %d commands (%d settled before the SIGKILL, %d sent while the broker"
                    + " was away), answers seen by the client %s, every service unready during the outage and ready"
                    + " after it, all applied once%n", commands.size(), settledBeforeKill, DURING_OUTAGE, answers);
        }
    }

    private static Command submit(Window window, String title) {
        Command command = Commands.create(Commands.newEntityId(), title);
        window.client().submit(command);
        return command;
    }

    private static long settledCount(Window window, List<Command> commands) {
        return commands.stream().filter(c -> window.client().receipts().get(c.commandId())
                .map(r -> r.state().isFinal()).orElse(false)).count();
    }

    /** A plain POST /api/commands, as any client would send it while the broker is down. */
    private int postWithoutBroker() {
        String token = new SessionTokens(http, system.apiUrl(), "otto", Duration.ofSeconds(10), Scheduler.system())
                .refresh().join();
        return send(HttpRequest.newBuilder(system.url(Service.API_COMMAND, "/api/commands"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(
                        Commands.create(Commands.newEntityId(), "Direct during the outage")))).build());
    }

    private boolean ready(Service service) {
        return send(HttpRequest.newBuilder(system.url(service, "/q/health/ready")).timeout(Duration.ofSeconds(5))
                .GET().build()) == 200;
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
