package dev.backchannel.bench.scenario;

import dev.backchannel.bench.BenchProfile;
import dev.backchannel.bench.Targets;
import dev.backchannel.bench.load.Latencies;
import dev.backchannel.bench.report.Figure;
import dev.backchannel.bench.report.ScenarioReport;
import dev.backchannel.client.BackchannelClient;
import dev.backchannel.client.ClientConfig;
import dev.backchannel.client.Submission;
import dev.backchannel.client.receipts.ReceiptState;
import dev.backchannel.client.socket.ConnectionState;
import dev.backchannel.schemas.Command;
import dev.backchannel.schemas.ItemStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The command path end to end through the client library, as an application uses it: a few users
 * each with a {@link BackchannelClient} (signed in, items loaded, socket open and subscribed),
 * sending {@code item.create} commands open loop (each is due at its time whatever came back
 * before), at rising rates until one is no longer sustained. Measured from the due time: the
 * {@code 202} (accepted) and the receipt settled by the {@code command.succeeded} frame on the
 * socket. The queue delay is zero and chaos is off.
 *
 * <p>A rate is <em>sustained</em> when every command got its success frame, the sender kept to its
 * schedule (within 100 ms) and the command-to-frame p99 stayed under one second (no backlog grew).
 */
public final class EndToEndScenario {

    private static final double SUSTAINED_P99_MS = 1_000;
    private static final double SUSTAINED_SENDER_LAG_MS = 100;

    private final BenchContext context;
    private final BenchProfile profile;
    private final ScenarioReport report = new ScenarioReport("end-to-end", "End to end");

    public EndToEndScenario(BenchContext context) {
        this.context = context;
        this.profile = context.profile();
    }

    public ScenarioReport report() {
        return report;
    }

    /** What one rate did. */
    private record RateRun(int rate, int count, Histogram accepted, Histogram settled, Map<String, Integer> receipts,
            int succeeded, double senderLagMs) {

        boolean sustained() {
            return succeeded == count && senderLagMs <= SUSTAINED_SENDER_LAG_MS
                    && Latencies.millisAt(settled, 99) <= SUSTAINED_P99_MS;
        }
    }

    public void run() {
        report.parameter("clients", profile.e2eClients()).parameter("rates", profile.e2eRates() + " commands/s")
                .parameter("run", profile.e2eSeconds() + " s per rate").parameter("queue delay", "0 ms");
        List<BackchannelClient> clients = new ArrayList<>();
        List<RateRun> runs = new ArrayList<>();
        try {
            for (int i = 0; i < profile.e2eClients(); i++) {
                ClientConfig config = ClientConfig.forUser("bench-e2e-" + i).withApiUrl(context.system().apiUrl())
                        .withQueryUrl(context.system().queryUrl()).withSocketUrl(context.system().socketUrl())
                        .withReceiptTimeout(Duration.ofSeconds(15));
                clients.add(BackchannelClient.connect(config));
            }
            awaitSocketsOpen(clients);
            warmUp(clients);
            try (FlightRecordings ignored = FlightRecordings.start("end-to-end", services())) {
                for (int rate : profile.e2eRates()) {
                    RateRun run = measure(clients, rate);
                    runs.add(run);
                    if (!run.sustained()) {
                        break;
                    }
                }
            }
        } finally {
            clients.forEach(BackchannelClient::close);
        }
        report(runs);
    }

    private void report(List<RateRun> runs) {
        RateRun shown = runs.stream().filter(r -> r.rate() == Targets.COMMAND_REPORT_RATE).findFirst()
                .orElse(runs.get(runs.size() - 1));
        boolean atTargetRate = shown.rate() == Targets.COMMAND_REPORT_RATE;
        double sustained = runs.stream().filter(RateRun::sustained).mapToInt(RateRun::rate).max().orElse(0);
        boolean ranOutOfRates = runs.size() == profile.e2eRates().size() && runs.get(runs.size() - 1).sustained();
        String at = " at " + shown.rate() + "/s";
        report.add(Figure.atLeast("sustained command rate", sustained, "commands/s", Targets.COMMANDS_PER_SECOND,
                        "≥ 2,000 commands/s").limitedBy(ranOutOfRates ? "the highest rate tried was sustained" : null))
                .add(Figure.of("202 latency p50" + at, Latencies.millisAt(shown.accepted(), 50), "ms"))
                .add(atTargetRate ? Figure.atMost("202 latency p99" + at, Latencies.millisAt(shown.accepted(), 99), "ms",
                        Targets.ACCEPTED_P99_MS, "≤ 30 ms") : Figure.of("202 latency p99" + at,
                        Latencies.millisAt(shown.accepted(), 99), "ms"))
                .add(atTargetRate ? Figure.atMost("command-to-frame p50" + at, Latencies.millisAt(shown.settled(), 50),
                        "ms", Targets.COMMAND_TO_FRAME_P50_MS, "≤ 25 ms") : Figure.of("command-to-frame p50" + at,
                        Latencies.millisAt(shown.settled(), 50), "ms"))
                .add(atTargetRate ? Figure.atMost("command-to-frame p99" + at, Latencies.millisAt(shown.settled(), 99),
                        "ms", Targets.COMMAND_TO_FRAME_P99_MS, "≤ 100 ms") : Figure.of("command-to-frame p99" + at,
                        Latencies.millisAt(shown.settled(), 99), "ms"))
                .add(Figure.of("command-to-frame p99.9" + at, Latencies.millisAt(shown.settled(), 99.9), "ms"))
                .add(Figure.atMost("commands without a success frame",
                        runs.stream().filter(r -> r.sustained() || r == shown).mapToInt(r -> r.count() - r.succeeded()).sum(), "",
                        0, "none (sustained rates)"));
        List<Map<String, Object>> perRate = new ArrayList<>();
        for (RateRun run : runs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rate", run.rate());
            row.put("commands", run.count());
            row.put("sustained", run.sustained());
            row.put("acceptedP50Ms", Latencies.millisAt(run.accepted(), 50));
            row.put("acceptedP99Ms", Latencies.millisAt(run.accepted(), 99));
            row.put("commandToFrameP50Ms", Latencies.millisAt(run.settled(), 50));
            row.put("commandToFrameP99Ms", Latencies.millisAt(run.settled(), 99));
            row.put("receipts", run.receipts());
            row.put("senderLagMs", run.senderLagMs());
            perRate.add(row);
        }
        report.detail("rates", perRate);
        Map<String, Histogram> charts = new LinkedHashMap<>();
        charts.put("202 accepted", shown.accepted());
        charts.put("command to frame", shown.settled());
        context.report().chart(context.charts().percentiles("end-to-end.png",
                "End to end at " + shown.rate() + " commands/s", charts));
    }

    private RateRun measure(List<BackchannelClient> clients, int rate) {
        return measure(clients, rate, profile.e2eSeconds());
    }

    private RateRun measure(List<BackchannelClient> clients, int rate, double seconds) {
        int count = Math.max(1, (int) (rate * seconds));
        Histogram accepted = Latencies.newHistogram();
        Histogram settled = Latencies.newHistogram();
        Map<ReceiptState, Integer> states = new EnumMap<>(ReceiptState.class);
        List<CompletableFuture<?>> done = new ArrayList<>();
        long start = System.nanoTime() + Duration.ofMillis(100).toNanos();
        long maxLag = 0;
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, System.nanoTime() - due);
            BackchannelClient client = clients.get(i % clients.size());
            Submission submission = client.submit(Command.create(null, UUID.randomUUID().toString(), "bench " + i,
                    ItemStatus.TODO));
            done.add(submission.accepted().handle((answer, error) -> {
                if (error == null) {
                    synchronized (accepted) {
                        Latencies.record(accepted, (System.nanoTime() - due) / 1000);
                    }
                }
                return null;
            }));
            done.add(submission.settled().thenAccept(receipt -> {
                synchronized (settled) {
                    if (receipt.state() == ReceiptState.SUCCEEDED) {
                        Latencies.record(settled, (System.nanoTime() - due) / 1000);
                    }
                    states.merge(receipt.state(), 1, Integer::sum);
                }
            }));
        }
        try {
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            report.detail("incomplete at " + rate + "/s", e.toString());
        }
        Map<String, Integer> byState = new LinkedHashMap<>();
        int succeeded;
        synchronized (settled) {
            states.forEach((state, n) -> byState.put(state.name().toLowerCase(), n));
            succeeded = states.getOrDefault(ReceiptState.SUCCEEDED, 0);
        }
        return new RateRun(rate, count, accepted, settled, byState, succeeded, maxLag / 1e6);
    }

    /**
     * Commands at half the first rate for twice a step's length, not reported: the first step
     * otherwise measures the JIT compilers of four JVMs (not at smoke size).
     */
    private void warmUp(List<BackchannelClient> clients) {
        if (profile.e2eSeconds() >= 2) {
            double seconds = profile.e2eSeconds();
            int rate = Math.max(1, profile.e2eRates().get(0) / 2);
            RateRun warm = measure(clients, rate, 2 * seconds);
            report.detail("warm-up", Map.of("rate", rate, "commands", warm.count(), "succeeded", warm.succeeded()));
        }
    }

    /** The services' processes on this machine, by role (for profiles only). */
    private Map<String, Long> services() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("gateway", context.system().gatewayPid());
        pids.put("broker", context.system().brokerPid());
        ProcessHandle.allProcesses().forEach(process -> process.info().commandLine().ifPresent(line -> {
            for (String role : List.of("api-command", "processor")) {
                if (line.contains(role + "/target/quarkus-app")) {
                    pids.put(role, process.pid());
                }
            }
        }));
        return pids;
    }

    private static void awaitSocketsOpen(List<BackchannelClient> clients) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && !clients.stream().allMatch(EndToEndScenario::isLive)) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static boolean isLive(BackchannelClient client) {
        ConnectionState state = client.socket().state();
        return state instanceof ConnectionState.Connected || state instanceof ConnectionState.Resumed
                || state instanceof ConnectionState.Reset;
    }
}
