package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.http.Attempt;
import dev.backchannel.client.http.CommandListener;
import dev.backchannel.client.receipts.Receipt;
import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** api-command answers 500 to 30% of the commands; the client library retries until each is processed once. */
class RetryingClientTest {

    private static final int COMMANDS = 100;

    private final RunningSystem system = RunningSystem.get();
    private final ChaosSwitch chaos = new ChaosSwitch(system);

    @AfterEach
    void calmDown() {
        chaos.calm();
    }

    @Test
    void shouldBringEveryCommandToExactlyOneSucceededReceiptWhenTheApiAnswers500ToMany() {
        try (Window window = Window.open(system, "rita")) {
            AtomicInteger retries = new AtomicInteger();
            AtomicInteger serverErrors = new AtomicInteger();
            window.client().addCommandListener(new CommandListener() {
                @Override
                public void onAttempt(Attempt attempt) {
                    if (attempt.status() == 500) {
                        serverErrors.incrementAndGet();
                    }
                }

                @Override
                public void onRetryScheduled(String commandId, Duration delay, int nextAttempt, int maxAttempts) {
                    retries.incrementAndGet();
                }
            });
            Map<String, AtomicInteger> finalReceipts = new ConcurrentHashMap<>();
            window.client().receipts().addListener((receipt, before) -> {
                if (receipt.state().isFinal()) {
                    finalReceipts.computeIfAbsent(receipt.commandId(), id -> new AtomicInteger()).incrementAndGet();
                }
            });
            chaos.set(new ChaosFlags(0.3, ChaosSwitch.CALM.queueDelayMs(), 0, 0, 0, 0));

            List<Command> commands = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                Command command = Commands.create(Commands.newEntityId(), "Retried " + i);
                commands.add(command);
                window.client().submit(command);
            }

            // not settled(): a receipt whose sender gave up is UNKNOWN until the outcome arrives anyway
            await().atMost(Duration.ofMinutes(3)).until(() -> commands.stream().allMatch(c ->
                    window.client().receipts().get(c.commandId()).map(r -> r.state().isFinal()).orElse(false)));
            List<Receipt> receipts = commands.stream()
                    .map(c -> window.client().receipts().get(c.commandId()).orElseThrow()).toList();
            assertThat(receipts).extracting(Receipt::state).containsOnly(ReceiptState.SUCCEEDED);
            assertThat(serverErrors.get()).as("answers 500").isPositive();
            assertThat(retries.get()).as("retries scheduled").isGreaterThanOrEqualTo(serverErrors.get());
            assertThat(commands).allSatisfy(c -> assertThat(finalReceipts.get(c.commandId()))
                    .as("final receipts of %s", c.commandId()).hasValue(1));

            Map<String, Item> stored = new QuerySideProbe(system, "rita").items().items().stream()
                    .collect(Collectors.toMap(Item::id, Function.identity()));
            assertThat(commands).allSatisfy(c -> {
                assertThat(stored.get(c.entityId())).as(c.data().title()).isNotNull();
                assertThat(stored.get(c.entityId()).version()).as("%s applied once", c.data().title()).isEqualTo(1);
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> commands.stream()
                    .allMatch(c -> !window.outcomesOf(c.commandId()).isEmpty()));
            assertThat(commands).allSatisfy(c -> assertThat(window.outcomesOf(c.commandId()))
                    .extracting(Frame.CommandOutcome::eventId).as("outcome events of %s", c.commandId())
                    .containsOnly(window.outcomesOf(c.commandId()).get(0).eventId()));
            assertThat(window.schemaViolations()).isEmpty();
            System.out.printf("retrying client: %d commands, %d answers 500, %d retries, all succeeded once%n",
                    COMMANDS, serverErrors.get(), retries.get());
        }
    }
}
