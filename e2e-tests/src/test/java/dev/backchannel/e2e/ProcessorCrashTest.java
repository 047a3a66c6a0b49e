package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.Submission;
import dev.backchannel.client.receipts.Receipt;
import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL a processor while commands are in flight: each is still processed once and pushed. On H2
 * (the default, one processor) and on PostgreSQL with two processors, where the killed one held the
 * outbox lead (it started first) and the other takes over its queue share and the publishing.
 */
class ProcessorCrashTest {

    private static final int COMMANDS = 100;

    @Test
    void shouldProcessEveryAcceptedCommandExactlyOnceWhenTheProcessorIsKilledMidway() {
        crashMidway(RunningSystem.get(), "kim");
    }

    @Test
    void shouldProcessEveryCommandOnceAndPublishInOrderWhenOneOfTwoProcessorsOnPostgresqlIsKilled() {
        crashMidway(RunningSystem.onPostgresql(), "kai");
    }

    private static void crashMidway(RunningSystem system, String user) {
        try (Window window = Window.open(system, user)) {
            List<Command> commands = new ArrayList<>();
            List<Submission> submissions = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                Command command = Commands.create(Commands.newEntityId(), "Crash-proof " + i);
                commands.add(command);
                submissions.add(window.client().submit(command));
            }
            // kill while the rest is on the queue or being processed
            await().atMost(Duration.ofSeconds(60)).until(() -> commands.stream()
                    .filter(c -> !window.outcomesOf(c.commandId()).isEmpty()).count() >= COMMANDS / 5);
            system.kill(Service.PROCESSOR);
            long before = commands.stream().filter(c -> !window.outcomesOf(c.commandId()).isEmpty()).count();
            submissions.forEach(s -> s.accepted().orTimeout(60, TimeUnit.SECONDS).join());
            system.restart(Service.PROCESSOR);

            List<Receipt> receipts = submissions.stream()
                    .map(s -> s.settled().orTimeout(120, TimeUnit.SECONDS).join()).toList();

            assertThat(receipts).extracting(Receipt::state).containsOnly(ReceiptState.SUCCEEDED);
            QuerySideProbe query = new QuerySideProbe(system, user);
            assertThat(before).as("the kill happened with commands still in flight").isLessThan(COMMANDS);
            Map<String, Item> stored = query.items().items().stream()
                    .collect(Collectors.toMap(Item::id, Function.identity()));
            for (Command command : commands) {
                Item item = stored.get(command.entityId());
                assertThat(item).as(command.data().title()).isNotNull();
                assertThat(item.version()).as("applied once").isEqualTo(1);
                assertThat(query.commandStatusCode(command.commandId())).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> commands.stream()
                    .allMatch(c -> !window.outcomesOf(c.commandId()).isEmpty()));
            for (Command command : commands) {
                assertThat(window.outcomesOf(command.commandId())).extracting(Frame.CommandOutcome::eventId)
                        .as("one outcome event per command").containsOnly(
                                window.outcomesOf(command.commandId()).get(0).eventId());
            }
            assertThat(window.schemaViolations()).isEmpty();
            List<String> arrival = window.outcomeEventIdsInArrivalOrder();
            assertThat(arrival).as("pushed in the one order the outbox lead gave them").isSorted();
            long redelivered = commands.stream().map(c -> window.outcomesOf(c.commandId()).get(0))
                    .filter(o -> o.timing() != null && o.timing().deliveryCount() != null
                            && o.timing().deliveryCount() > 1).count();
            System.out.printf(user + ": processor crash: %d of %d outcomes pushed before the SIGKILL, %d redelivered after it,"
                    + " all %d applied once%n", before, COMMANDS, redelivered, COMMANDS);
        }
    }
}
