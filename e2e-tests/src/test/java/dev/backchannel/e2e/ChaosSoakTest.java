package dev.backchannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backchannel.client.ClientConfig;
import dev.backchannel.client.http.Attempt;
import dev.backchannel.client.http.CommandListener;
import dev.backchannel.client.receipts.Receipt;
import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.client.socket.ConnectionState;
import dev.backchannel.client.time.Backoff;
import dev.backchannel.schemas.ChaosFlags;
import dev.backchannel.schemas.CloseCodes;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.CommandType;
import dev.backchannel.schemas.ErrorCode;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Item;
import dev.backchannel.schemas.ItemFields;
import dev.backchannel.schemas.ItemStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every fault at once, at meaningful rates, plus a SIGKILLed processor and a SIGKILLed gateway
 * node midway: three users with two windows each (one per gateway node) send creates, renames and
 * deletes through the client library, renames and deletes with the version their window knows
 * (so conflicts happen). Every command must end with one true receipt at its user, the query side
 * must say what the successful outcomes say, and nothing may be dead-lettered. Size:
 * {@code -Dsoak.commands=300} (default 60); {@code -Dsoak.seed=...} repeats a choice of commands.
 */
class ChaosSoakTest {

    private static final int COMMANDS = Integer.getInteger("soak.commands", 60);
    private static final long SEED = Long.getLong("soak.seed", System.nanoTime());
    private static final ChaosFlags STORM = new ChaosFlags(0.3, new ChaosFlags.DelayRange(50, 300), 0.1, 0.2, 0.2,
            0.1);
    private static final List<String> USERS = List.of("soak-ann", "soak-ben", "soak-cid");
    private static final int IN_FLIGHT = 8;
    private static final int HOT_ITEMS = 5;
    /** 30% of answers are 500s: ten attempts make "gave up before anything was enqueued" (0.15^10) unheard of. */
    private static final UnaryOperator<ClientConfig> PATIENT = config -> config.withCommandRetries(
            new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), 2.0), 10);
    private static final String API_ERRORS = "apiErrorRate";
    private static final String CRASHES = "processorCrashRate";
    private static final String PUBLISH_FAILURES = "publishFailureRate";

    private final RunningSystem system = RunningSystem.get();
    private final ChaosSwitch chaos = new ChaosSwitch(system);
    private final List<ObservedWindow> windows = new ArrayList<>();

    @AfterEach
    void closeWindowsAndCalmDown() {
        windows.forEach(observed -> observed.window.close());
        chaos.calm();
    }

    @Test
    void shouldSettleEveryCommandOnceAndTruthfullyWhileEveryFaultFiresAndServicesRestart() {
        for (String user : USERS) {
            windows.add(new ObservedWindow(user, Window.open(system, user, Service.SOCKET_GATEWAY, PATIENT)));
            windows.add(new ObservedWindow(user, Window.open(system, user, Service.SOCKET_GATEWAY_B, PATIENT)));
        }
        double apiErrorsBefore = chaos.faults(Service.API_COMMAND, API_ERRORS);
        double crashesBefore = chaos.faults(Service.PROCESSOR, CRASHES);
        double publishFailuresBefore = chaos.faults(Service.PROCESSOR, PUBLISH_FAILURES);
        chaos.set(STORM);
        long started = System.nanoTime();

        Random random = new Random(SEED);
        List<String> entities = new ArrayList<>();
        List<Sent> sent = new ArrayList<>();
        CompletableFuture<Map<String, Double>> processorRestart = null;
        CompletableFuture<Map<String, Double>> gatewayRestart = null;
        for (int i = 0; i < COMMANDS; i++) {
            if (i == COMMANDS / 3) {
                // SIGKILL on H2: no row every commit locks any more (decision 0009, docs/known-issues.md)
                processorRestart = CompletableFuture.supplyAsync(() -> restart(Service.PROCESSOR, true));
            }
            if (i == 2 * COMMANDS / 3) {
                processorRestart.join();
                gatewayRestart = CompletableFuture.supplyAsync(() -> restart(Service.SOCKET_GATEWAY, true));
            }
            awaitUnsettledBelow(IN_FLIGHT, sent, Duration.ofMinutes(3));
            ObservedWindow from = windows.get(2 * (i % USERS.size()) + (i / USERS.size()) % 2);
            Command command = nextCommand(i, random, from, entities);
            sent.add(new Sent(from, command));
            from.window.client().submit(command);
        }
        Map<String, Double> processorBeforeKill = processorRestart.join();
        gatewayRestart.join();
        awaitUnsettledBelow(1, sent, Duration.ofMinutes(10));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        Map<String, Item> stored = new QuerySideProbe(system, USERS.get(0)).items().items().stream()
                .collect(Collectors.toMap(Item::id, Function.identity()));
        List<String> itemMismatches = itemMismatches(sent, entities, stored);
        List<String> disagreements = disagreements(sent);
        List<String> deadLetters = new ChaosDeadLetterQueue(system).messages();
        Counts counts = new Counts(sent, stored, entities);
        int apiErrors = (int) (chaos.faults(Service.API_COMMAND, API_ERRORS) - apiErrorsBefore);
        int crashes = (int) (processorBeforeKill.get(CRASHES) - crashesBefore + chaos.faults(Service.PROCESSOR, CRASHES));
        int publishFailures = (int) (processorBeforeKill.get(PUBLISH_FAILURES) - publishFailuresBefore
                + chaos.faults(Service.PROCESSOR, PUBLISH_FAILURES));
        int retried500s = windows.stream().mapToInt(w -> w.serverErrors.get()).sum();
        int drops = windows.stream().mapToInt(w -> w.chaosDrops.get()).sum();
        int otherDrops = windows.stream().mapToInt(w -> w.otherDrops.get()).sum();
        int resets = windows.stream().mapToInt(w -> w.resets.get()).sum();

        System.out.printf("""
                ---- chaos soak -------------------------------------------------------------------
                %d commands from %d users x 2 windows (one on each gateway node) in %d s, seed %d
                flags: apiErrorRate %.1f, processorCrashRate %.1f, publishFailureRate %.1f, \
                gatewayDisconnectRate %.1f, processorFailureRate %.1f, queueDelayMs %d..%d
                restarts: processor SIGKILLed and started at command %d, gateway node a SIGKILLed at command %d
                receipts at the sender: %d succeeded, %d failed, %d unknown, %d pending, %d settled twice
                  failed: %d conflicts, %d not found, %d validation, %d processing_failed (business failures)
                faults: %d answers 500 (%d seen and retried by clients), %d processor crashes \
                (%d commands redelivered), %d publish failures, %d socket drops 4004 \
                (+%d other drops: the gateway kill), %d resets
                windows agree: %d outcomes seen by both windows of their user, %d disagreements
                query side: %d items match the successful outcomes (%d created, %d deleted), %d mismatches
                dead-letter queue %s: %d messages
                -----------------------------------------------------------------------------------
                """, COMMANDS, USERS.size(), took.toSeconds(), SEED, STORM.apiErrorRate(), STORM.processorCrashRate(),
                STORM.publishFailureRate(), STORM.gatewayDisconnectRate(), STORM.processorFailureRate(),
                STORM.queueDelayMs().min(), STORM.queueDelayMs().max(), COMMANDS / 3, 2 * COMMANDS / 3,
                counts.of(ReceiptState.SUCCEEDED), counts.of(ReceiptState.FAILED), counts.of(ReceiptState.UNKNOWN),
                counts.pending, counts.settledTwice, counts.of(ErrorCode.CONFLICT), counts.of(ErrorCode.NOT_FOUND),
                counts.of(ErrorCode.VALIDATION), counts.of(ErrorCode.PROCESSING_FAILED), apiErrors, retried500s,
                crashes, counts.redelivered, publishFailures, drops, otherDrops, resets, counts.seenByBoth,
                disagreements.size(), counts.itemsChecked, counts.created, counts.deleted, itemMismatches.size(),
                dev.backchannel.schemas.Addresses.COMMANDS_DLQ, deadLetters.size());

        for (Sent s : sent) {
            assertThat(s.receipt().state()).as("receipt of %s", s.command)
                    .isIn(ReceiptState.SUCCEEDED, ReceiptState.FAILED);
            assertThat(s.from.settlements.get(s.commandId())).as("final receipts of %s", s.command).hasValue(1);
            assertThat(s.sibling().settlements.getOrDefault(s.commandId(), new AtomicInteger()).get())
                    .as("final receipts of %s in the other window", s.command).isLessThanOrEqualTo(1);
            assertThat(s.outcomeEventIds()).as("outcome events of %s on both windows", s.command)
                    .containsExactly(s.receipt().outcome().eventId());
        }
        assertThat(disagreements).as("outcomes the two windows of a user disagree on").isEmpty();
        assertThat(itemMismatches).as("items that differ from what the successful outcomes say").isEmpty();
        assertThat(deadLetters).as("dead-lettered commands").isEmpty();
        assertThat(windows).allSatisfy(w -> assertThat(w.window.schemaViolations()).isEmpty());
        assertThat(List.of(apiErrors, retried500s, crashes, publishFailures, drops))
                .as("every fault fired (api 500s, 500s retried, crashes, publish failures, socket drops)")
                .allMatch(count -> count > 0);
    }

    /**
     * A create (always while there are few items), else a rename or a delete of one of the newest
     * items this window sees: a few hot items with several commands in flight make conflicts.
     */
    private static Command nextCommand(int index, Random random, ObservedWindow from, List<String> entities) {
        double roll = random.nextDouble();
        if (entities.size() < 3 || roll < 0.4) {
            String entityId = Commands.newEntityId();
            entities.add(entityId);
            return Commands.create(entityId, "Soak " + index);
        }
        List<String> seen = entities.stream().filter(id -> from.window.client().items().get(id).isPresent()).toList();
        List<String> hot = seen.isEmpty() ? entities : seen.subList(Math.max(0, seen.size() - HOT_ITEMS), seen.size());
        String entityId = hot.get(random.nextInt(hot.size()));
        // the version this window knows: stale when another window changed it first (a conflict)
        long version = from.window.client().items().get(entityId).map(Item::version).orElse(1L);
        if (roll < 0.85) {
            ItemStatus status = ItemStatus.values()[random.nextInt(ItemStatus.values().length)];
            return Command.update(UUID.randomUUID().toString(), entityId, version,
                    new ItemFields("Soak " + index + " renamed", status));
        }
        return Command.delete(UUID.randomUUID().toString(), entityId, version);
    }

    /** SIGKILL or SIGTERM, start again, wait until ready; answers the processor's fault counters just before. */
    private Map<String, Double> restart(Service service, boolean kill) {
        Map<String, Double> counters = Map.of(CRASHES, chaos.faults(Service.PROCESSOR, CRASHES),
                PUBLISH_FAILURES, chaos.faults(Service.PROCESSOR, PUBLISH_FAILURES));
        if (kill) {
            system.kill(service);
        } else {
            system.stop(service);
        }
        system.restart(service);
        return counters;
    }

    /** Waits until fewer than {@code limit} commands lack a final receipt; names them when they do not. */
    private static void awaitUnsettledBelow(int limit, List<Sent> sent, Duration patience) {
        try {
            await().atMost(patience).until(() -> unsettled(sent).size() < limit);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("still unsettled after " + patience + ": " + unsettled(sent).stream()
                    .map(s -> s.from.user + " " + s.command.type() + " " + s.commandId() + " " + s.receipt().state())
                    .toList(), e);
        }
    }

    private static List<Sent> unsettled(List<Sent> sent) {
        return sent.stream().filter(s -> !s.receipt().state().isFinal()).toList();
    }

    /**
     * For each item: the versions of its successful creates and updates are 1..n exactly (none lost,
     * none applied twice); a successful delete leaves it absent, else it is the last successful outcome.
     */
    private static List<String> itemMismatches(List<Sent> sent, List<String> entities, Map<String, Item> stored) {
        List<String> mismatches = new ArrayList<>();
        Map<String, List<Sent>> byEntity = sent.stream().collect(Collectors.groupingBy(s -> s.command.entityId()));
        for (String entityId : entities) {
            List<Sent> succeeded = byEntity.get(entityId).stream()
                    .filter(s -> s.receipt().state() == ReceiptState.SUCCEEDED).toList();
            List<Frame.CommandSucceeded> changes = succeeded.stream()
                    .map(s -> (Frame.CommandSucceeded) s.receipt().outcome()).filter(o -> o.data() != null)
                    .sorted(Comparator.comparingLong(o -> o.data().version())).toList();
            List<Long> versions = changes.stream().map(o -> o.data().version()).toList();
            List<Long> expected = LongStream.rangeClosed(1, changes.size()).boxed().toList();
            List<Sent> deletes = succeeded.stream().filter(s -> s.command.type() == CommandType.DELETE).toList();
            Item item = stored.get(entityId);
            if (!versions.equals(expected)) {
                mismatches.add(entityId + ": successful outcomes have versions " + versions);
            } else if (deletes.size() > 1) {
                mismatches.add(entityId + ": deleted " + deletes.size() + " times");
            } else if (deletes.size() == 1) {
                if (item != null) {
                    mismatches.add(entityId + ": deleted, but the query side has " + item);
                } else if (deletes.get(0).command.expectedVersion() != changes.size()) {
                    mismatches.add(entityId + ": deleted at version " + deletes.get(0).command.expectedVersion()
                            + " after " + changes.size() + " changes");
                }
            } else if (changes.isEmpty()) {
                if (item != null) {
                    mismatches.add(entityId + ": never created, but the query side has " + item);
                }
            } else {
                Item last = changes.get(changes.size() - 1).data();
                if (item == null || !item.title().equals(last.title()) || item.status() != last.status()
                        || item.version() != last.version()) {
                    mismatches.add(entityId + ": the last successful outcome says " + last + ", the query side "
                            + item);
                }
            }
        }
        return mismatches;
    }

    /** Commands both windows of the user know the outcome of, with different outcomes. */
    private static List<String> disagreements(List<Sent> sent) {
        List<String> disagreements = new ArrayList<>();
        for (Sent s : sent) {
            Optional<Receipt> there = s.sibling().window.client().receipts().get(s.commandId());
            if (there.isPresent() && there.get().state().isFinal()
                    && (there.get().state() != s.receipt().state()
                    || !there.get().outcome().eventId().equals(s.receipt().outcome().eventId()))) {
                disagreements.add(s.commandId() + ": " + s.receipt().state() + " here, " + there.get().state()
                        + " in the other window");
            }
        }
        return disagreements;
    }

    /** One window and what happened to it: 500s answered, socket drops, receipts settled. */
    private static final class ObservedWindow {

        final String user;
        final Window window;
        final AtomicInteger serverErrors = new AtomicInteger();
        final AtomicInteger chaosDrops = new AtomicInteger();
        final AtomicInteger otherDrops = new AtomicInteger();
        final AtomicInteger resets = new AtomicInteger();
        /** How often each command's receipt became final here (once at most). */
        final Map<String, AtomicInteger> settlements = new ConcurrentHashMap<>();

        ObservedWindow(String user, Window window) {
            this.user = user;
            this.window = window;
            window.client().addCommandListener(new CommandListener() {
                @Override
                public void onAttempt(Attempt attempt) {
                    if (attempt.status() == 500) {
                        serverErrors.incrementAndGet();
                    }
                }
            });
            window.client().socket().addStateListener(state -> {
                if (state instanceof ConnectionState.Reconnecting dropped) {
                    if (dropped.closeCode() == CloseCodes.CHAOS) {
                        chaosDrops.incrementAndGet();
                    } else if (dropped.attempt() == 1) {
                        otherDrops.incrementAndGet(); // a connection that was up, not a failed reconnect
                    }
                } else if (state instanceof ConnectionState.Reset) {
                    resets.incrementAndGet();
                }
            });
            window.client().receipts().addListener((receipt, before) -> {
                if (receipt.state().isFinal() && (before == null || !before.isFinal())) {
                    settlements.computeIfAbsent(receipt.commandId(), id -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
    }

    /** A command and the window it was sent from. */
    private final class Sent {

        final ObservedWindow from;
        final Command command;

        Sent(ObservedWindow from, Command command) {
            this.from = from;
            this.command = command;
        }

        String commandId() {
            return command.commandId();
        }

        Receipt receipt() {
            return from.window.client().receipts().get(commandId()).orElseThrow();
        }

        ObservedWindow sibling() {
            return windows.stream().filter(w -> w.user.equals(from.user) && w != from).findFirst().orElseThrow();
        }

        /** The distinct event ids of the outcome frames both windows of the user got for this command. */
        Set<String> outcomeEventIds() {
            return windows.stream().filter(w -> w.user.equals(from.user))
                    .flatMap(w -> w.window.outcomesOf(commandId()).stream()).map(Frame.CommandOutcome::eventId)
                    .collect(Collectors.toSet());
        }
    }

    /** The numbers of the summary that come from receipts, frames and the query side. */
    private static final class Counts {

        final Map<ReceiptState, Integer> states = new EnumMap<>(ReceiptState.class);
        final Map<ErrorCode, Integer> failures = new EnumMap<>(ErrorCode.class);
        final long pending;
        final long settledTwice;
        final long redelivered;
        final long seenByBoth;
        final long itemsChecked;
        final long created;
        final long deleted;

        Counts(List<Sent> sent, Map<String, Item> stored, List<String> entities) {
            for (Sent s : sent) {
                Receipt receipt = s.receipt();
                states.merge(receipt.state(), 1, Integer::sum);
                if (receipt.outcome() instanceof Frame.CommandFailed failed) {
                    failures.merge(failed.error().code(), 1, Integer::sum);
                }
            }
            pending = sent.stream().filter(s -> s.receipt().state().isPending()).count();
            settledTwice = sent.stream().filter(s -> s.from.settlements.getOrDefault(s.commandId(),
                    new AtomicInteger()).get() > 1).count();
            redelivered = sent.stream().map(Sent::receipt).map(Receipt::outcome)
                    .filter(o -> o != null && o.timing() != null && o.timing().deliveryCount() != null
                            && o.timing().deliveryCount() > 1).count();
            seenByBoth = sent.stream().filter(s -> s.sibling().window.client().receipts().get(s.commandId())
                    .map(r -> r.state().isFinal()).orElse(false)).count();
            itemsChecked = entities.size();
            created = sent.stream().filter(s -> s.command.type() == CommandType.CREATE
                    && s.receipt().state() == ReceiptState.SUCCEEDED).count();
            deleted = sent.stream().filter(s -> s.command.type() == CommandType.DELETE
                    && s.receipt().state() == ReceiptState.SUCCEEDED).count();
        }

        int of(ReceiptState state) {
            return states.getOrDefault(state, 0);
        }

        int of(ErrorCode code) {
            return failures.getOrDefault(code, 0);
        }
    }
}
