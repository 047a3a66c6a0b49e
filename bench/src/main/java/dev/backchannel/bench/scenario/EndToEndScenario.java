package dev.backchannel.bench.scenario;

import dev.backchannel.bench.BenchProfile;
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
 * End to end through the client library, as an application uses it: a few users each with a
 * {@link BackchannelClient} (signed in, items loaded, socket open and subscribed), sending
 * {@code item.create} commands at a fixed rate, open loop (each is due at its time whatever came
 * back before). Measured from the due time: the {@code 202} (accepted) and the receipt settled by
 * the {@code command.succeeded} frame on the socket. The queue delay is zero.
 */
public final class EndToEndScenario {

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

    public void run() {
        int count = (int) (profile.e2eCommandsPerSec() * profile.e2eSeconds());
        report.parameter("clients", profile.e2eClients()).parameter("rate", profile.e2eCommandsPerSec() + " commands/s")
                .parameter("commands", count).parameter("queue delay", "0 ms");
        List<BackchannelClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < profile.e2eClients(); i++) {
                ClientConfig config = ClientConfig.forUser("bench-e2e-" + i).withApiUrl(context.system().apiUrl())
                        .withQueryUrl(context.system().queryUrl()).withSocketUrl(context.system().socketUrl())
                        .withReceiptTimeout(Duration.ofSeconds(15));
                clients.add(BackchannelClient.connect(config));
            }
            awaitSocketsOpen(clients);
            measure(clients, count);
        } finally {
            clients.forEach(BackchannelClient::close);
        }
    }

    private void measure(List<BackchannelClient> clients, int count) {
        Histogram accepted = Latencies.newHistogram();
        Histogram settled = Latencies.newHistogram();
        Map<ReceiptState, Integer> states = new EnumMap<>(ReceiptState.class);
        List<CompletableFuture<?>> done = new ArrayList<>();
        long start = System.nanoTime() + Duration.ofMillis(100).toNanos();
        long maxLag = 0;
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / profile.e2eCommandsPerSec());
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
            report.detail("incomplete", e.toString());
        }
        int succeeded;
        Map<String, Integer> byState = new LinkedHashMap<>();
        synchronized (settled) {
            states.forEach((state, n) -> byState.put(state.name().toLowerCase(), n));
            succeeded = states.getOrDefault(ReceiptState.SUCCEEDED, 0);
        }
        report.add(Figure.of("202 latency p50", Latencies.millisAt(accepted, 50), "ms"))
                .add(Figure.of("202 latency p99", Latencies.millisAt(accepted, 99), "ms"))
                .add(Figure.of("command-to-frame p50", Latencies.millisAt(settled, 50), "ms"))
                .add(Figure.of("command-to-frame p99", Latencies.millisAt(settled, 99), "ms"))
                .add(Figure.of("command-to-frame p99.9", Latencies.millisAt(settled, 99.9), "ms"))
                .add(Figure.atMost("commands without a success frame", count - succeeded, "", 0, "none"));
        report.detail("receipts", byState).detail("sender lag ms", maxLag / 1e6);
        Map<String, Histogram> charts = new LinkedHashMap<>();
        charts.put("202 accepted", accepted);
        charts.put("command to frame", settled);
        context.report().chart(context.charts().percentiles("end-to-end.png",
                "End to end at " + profile.e2eCommandsPerSec() + " commands/s", charts));
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
