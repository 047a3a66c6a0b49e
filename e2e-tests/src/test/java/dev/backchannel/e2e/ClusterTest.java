package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backchannel.client.ClientConfig;
import dev.backchannel.client.receipts.Receipt;
import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.client.time.Backoff;
import dev.backchannel.launcher.ServiceProcess;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The topology of {@code run.sh --cluster}: two brokers in a cluster, and on each an api-command node, a
 * processor (one PostgreSQL for both) and a gateway node. One topology serves every test of this class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    private static final Duration PUSH = Duration.ofSeconds(30);
    private static final List<Service> ON_THE_SECOND_BROKER = List.of(Service.API_COMMAND_2, Service.PROCESSOR_B,
            Service.SOCKET_GATEWAY_B);

    private static RunningSystem system;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startTheCluster() {
        system = RunningSystem.startCluster();
    }

    @AfterAll
    static void stopTheCluster() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void shouldPushACommandSentThroughTheOtherBrokerToWindowsOnBothBrokers() {
        try (Window alice = Window.open(system, "alice", Service.SOCKET_GATEWAY, throughTheSecondApi());
                Window bob = Window.open(system, "bob", Service.SOCKET_GATEWAY_B)) {
            double processedOnTheFirst = processed(Service.PROCESSOR);
            List<Command> commands = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                commands.add(Commands.create(Commands.newEntityId(), "Across the cluster " + i));
            }
            commands.forEach(command -> alice.client().submit(command));

            await().atMost(Duration.ofSeconds(90)).until(() -> commands.stream().allMatch(c ->
                    !alice.outcomesOf(c.commandId()).isEmpty() && !bob.changesOf(c.entityId()).isEmpty()));
            assertThat(commands).allSatisfy(c -> {
                assertThat(alice.client().receipts().get(c.commandId()).map(Receipt::state))
                        .contains(ReceiptState.SUCCEEDED);
                assertThat(alice.outcomesOf(c.commandId())).as("outcome of %s on gateway 1", c.data().title())
                        .hasSize(1).first().isInstanceOf(Frame.CommandSucceeded.class);
                assertThat(bob.changesOf(c.entityId())).as("change of %s on gateway 2", c.data().title()).hasSize(1);
            });
            // every command entered the cluster on the second broker: those the first processor applied crossed it
            assertThat(processed(Service.PROCESSOR) - processedOnTheFirst)
                    .as("commands processed by the processor on the first broker").isPositive();
            assertThat(alice.schemaViolations()).isEmpty();
            assertThat(bob.schemaViolations()).isEmpty();
        }
    }

    @Test
    @Order(2)
    void shouldRefuseASecondGatewayProcessWhoseNodeIdIsInUseBehindTheOtherBroker() throws Exception {
        String nodeIdOfTheFirst = nodeId(Service.SOCKET_GATEWAY);
        ServiceProcess duplicate = system.launched().another(Service.SOCKET_GATEWAY_B.module(), "gateway-duplicate",
                Map.of("BACKCHANNEL_GATEWAY_NODE_ID", nodeIdOfTheFirst));
        duplicate.start();
        try {
            assertThat(duplicate.awaitExit(Duration.ofSeconds(90))).as("exit status of the duplicate").isEqualTo(3);
        } finally {
            duplicate.kill();
        }
        assertThat(Files.readString(duplicate.log()))
                .contains("gateway node id '" + nodeIdOfTheFirst + "' is already in use by a running gateway node");
        assertThat(ready(Service.SOCKET_GATEWAY)).as("the first node keeps running").isTrue();
    }

    @Test
    @Order(3)
    void shouldLoseNothingAndApplyNothingTwiceWhenABrokerIsKilledAndRestartedMidStream() {
        try (Window onTheFirst = Window.open(system, "otto", Service.SOCKET_GATEWAY, patient(throughTheSecondApi()));
                Window onTheSecond = Window.open(system, "otto", Service.SOCKET_GATEWAY_B)) {
            List<Command> commands = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                commands.add(submit(onTheFirst, "Before the broker dies " + i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> settled(onTheFirst, commands) >= 5);

            system.kill(Service.BROKER_2);
            long settledBeforeKill = settled(onTheFirst, commands);
            try {
                for (int i = 0; i < 10; i++) {
                    commands.add(submit(onTheFirst, "While the broker is away " + i));
                }
                await("the services of the dead broker notice").atMost(Duration.ofSeconds(30))
                        .until(() -> ON_THE_SECOND_BROKER.stream().noneMatch(this::ready));
            } finally {
                system.restart(Service.BROKER_2);
            }
            await("the services of the restarted broker are back by themselves").atMost(Duration.ofMinutes(2))
                    .until(() -> ON_THE_SECOND_BROKER.stream().allMatch(this::ready));

            await().atMost(Duration.ofMinutes(3)).until(() -> settled(onTheFirst, commands) == commands.size());
            assertThat(settledBeforeKill).as("the kill happened with commands in flight").isLessThan(30);
            assertThat(commands).extracting(c -> onTheFirst.client().receipts().get(c.commandId()).orElseThrow())
                    .extracting(Receipt::state).containsOnly(ReceiptState.SUCCEEDED);
            Map<String, Item> stored = new QuerySideProbe(system, "otto").items().items().stream()
                    .collect(Collectors.toMap(Item::id, Function.identity()));
            assertThat(commands).allSatisfy(c -> assertThat(stored.get(c.entityId()))
                    .as("%s stored and applied once", c.data().title()).isNotNull()
                    .extracting(Item::version).isEqualTo(1L));
            for (Window window : List.of(onTheFirst, onTheSecond)) {
                await().atMost(Duration.ofMinutes(1)).until(() -> commands.stream()
                        .allMatch(c -> !window.outcomesOf(c.commandId()).isEmpty()));
                assertThat(commands).allSatisfy(c -> assertThat(window.outcomesOf(c.commandId()))
                        .extracting(Frame.CommandOutcome::eventId).as("outcome events of %s", c.commandId())
                        .containsOnly(window.outcomesOf(c.commandId()).get(0).eventId()));
                assertThat(window.schemaViolations()).isEmpty();
            }
            System.out.printf("cluster, broker 2 SIGKILLed and restarted: %d commands through api 2 (%d settled before"
                    + " the kill), all applied once, every outcome on both gateway nodes%n", commands.size(),
                    settledBeforeKill);
        }
    }

    private static UnaryOperator<ClientConfig> throughTheSecondApi() {
        return config -> config.withApiUrl(system.url(Service.API_COMMAND_2, ""));
    }

    /** Patient enough to outlast a broker restart: a 503 carries Retry-After and is retried with the same id. */
    private static UnaryOperator<ClientConfig> patient(UnaryOperator<ClientConfig> tuning) {
        return config -> tuning.apply(config)
                .withCommandRetries(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(3), 2.0), 60);
    }

    private static Command submit(Window window, String title) {
        Command command = Commands.create(Commands.newEntityId(), title);
        window.client().submit(command);
        return command;
    }

    private static long settled(Window window, List<Command> commands) {
        return commands.stream().filter(c -> window.client().receipts().get(c.commandId())
                .map(r -> r.state().isFinal()).orElse(false)).count();
    }

    private static double processed(Service processor) {
        return MetricsScrape.of(system, processor).value("backchannel_commands_processed_total", "");
    }

    private String nodeId(Service gateway) throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(system.url(gateway, "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode check : Json.mapper().readTree(health.body()).path("checks")) {
            if (check.path("data").has("node")) {
                return check.path("data").path("node").asText();
            }
        }
        throw new AssertionError("no node id in " + health.body());
    }

    private boolean ready(Service service) {
        try {
            return http.send(HttpRequest.newBuilder(system.url(service, "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
