package dev.backchannel.bench.scenario;

import dev.backchannel.bench.BenchProfile;
import dev.backchannel.bench.Targets;
import dev.backchannel.bench.load.Latencies;
import dev.backchannel.bench.load.LoadFleet;
import dev.backchannel.bench.load.SocketSpec;
import dev.backchannel.bench.publish.OpenLoopSchedule;
import dev.backchannel.bench.report.Figure;
import dev.backchannel.bench.report.ScenarioReport;
import dev.backchannel.bench.system.ProcessProbe;
import dev.backchannel.client.ClientConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Capacity and reconnect storm, on the same sockets: open N idle sockets on one gateway node and
 * measure memory per connection (RSS and heap after a forced GC, before and after); give every
 * socket an event to resume from; then drop them all at once and reconnect with the client
 * library's reconnect backoff, resuming each. The same against the baseline.
 */
public final class CapacityScenario {

    private final BenchContext context;
    private final BenchProfile profile;
    private final ScenarioReport capacity = new ScenarioReport("capacity", "Capacity");
    private final ScenarioReport storm = new ScenarioReport("reconnect-storm", "Reconnect storm");

    public CapacityScenario(BenchContext context) {
        this.context = context;
        this.profile = context.profile();
    }

    public List<ScenarioReport> reports() {
        return List.of(capacity, storm);
    }

    public void run() {
        List<String> users = context.users(profile.capacityUsers());
        List<SocketSpec> sockets = context.sockets(users, profile.windows()).subList(0, profile.capacitySockets());
        ClientConfig defaults = ClientConfig.forUser("bench");
        capacity.parameter("sockets", sockets.size()).parameter("users", users.size())
                .parameter("load processes", context.fleet().size())
                .parameter("source addresses", LoadFleet.SOURCE_ADDRESSES.size())
                .parameter("gateway/baseline heap", "-Xmx" + profile.gatewayHeap());
        storm.parameter("sockets", sockets.size()).parameter("reconnect backoff",
                "client library default, full jitter up to " + defaults.reconnectBackoff().initial().toMillis()
                        + " ms on the first retry");

        long gatewayPid = context.system().gatewayPid();
        Side gateway = measure(sockets, context.system().socketUrl(), gatewayPid,
                () -> ProcessProbe.quarkusHeapUsed(context.system().gatewayMetricsUrl()), true, defaults);
        Side baseline = measure(sockets, context.baseline().socketUrl(), context.baseline().pid(),
                context.baseline()::heapUsed, false, defaults);

        boolean fullSize = sockets.size() >= Targets.CONNECTIONS;
        Figure open = fullSize
                ? Figure.atLeast("open connections on one node", gateway.opened, "sockets", Targets.CONNECTIONS, "19,000")
                : Figure.atSmallerSize("open connections on one node", gateway.opened, "sockets", "19,000");
        capacity.add(open.withBaseline(baseline.opened).limitedBy(gateway.opened < sockets.size()
                        ? "connect failures: " + gateway.connected.failures() : null))
                .add(Figure.atMost("heap per connection (after GC)", gateway.heapPerConnection() / 1024, "KiB",
                        Targets.BYTES_PER_CONNECTION / 1024, "≤ 8 KiB").withBaseline(baseline.heapPerConnection() / 1024)
                        .limitedBy(gateway.heapPerConnection() > Targets.BYTES_PER_CONNECTION
                                ? "per-socket objects of Quarkus WebSockets Next, Netty and the gateway's ClientSocket" : null))
                .add(Figure.atMost("RSS per connection", gateway.rssPerConnection() / 1024, "KiB",
                        Targets.RSS_FACTOR_OF_BASELINE * baseline.rssPerConnection() / 1024, "≤ 1.5 × baseline")
                        .withBaseline(baseline.rssPerConnection() / 1024))
                .add(Figure.atMost("time to connect " + sockets.size() + " sockets", gateway.connectSeconds, "s",
                        Targets.CONNECT_TIME_FACTOR_OF_BASELINE * baseline.connectSeconds, "≤ 2 × baseline")
                        .withBaseline(baseline.connectSeconds))
                .add(Figure.of("connect rate", gateway.opened / gateway.connectSeconds, "connects/s")
                        .withBaseline(baseline.opened / baseline.connectSeconds))
                .add(Figure.of("handshake p99 while connecting", Latencies.millisAt(gateway.connected.handshakes(), 99),
                        "ms").withBaseline(Latencies.millisAt(baseline.connected.handshakes(), 99)));
        capacity.detail("gateway", gateway.details()).detail("baseline", baseline.details());

        LoadFleet.Storm s = gateway.storm;
        double seconds = s.allResumedAfterMillis() / 1000.0;
        boolean everyone = s.unresumed() == 0;
        Figure time = fullSize
                ? Figure.atMost("all resumed after", everyone ? seconds : Double.POSITIVE_INFINITY, "s",
                        Targets.STORM_SECONDS, "19,000 within 10 s")
                : new Figure("all resumed after", everyone ? seconds : Double.NaN, "s", "19,000 within 10 s", Double.NaN,
                        everyone && seconds <= Targets.STORM_SECONDS ? Figure.Verdict.SMALLER_RUN
                                : Figure.Verdict.FALLS_SHORT, null);
        storm.add(time.withBaseline(baseline.storm.allResumedAfterMillis() / 1000.0)
                        .limitedBy(everyone ? "the first reconnect waits up to 500 ms (jitter) by design" : s.unresumed()
                                + " sockets not resumed in " + profile.stormDeadlineSec() + " s"))
                .add(Figure.of("handshake p99", Latencies.millisAt(s.handshakes(), 99), "ms")
                        .withBaseline(Latencies.millisAt(baseline.storm.handshakes(), 99)))
                .add(Figure.atMost("failures", s.failedAttempts() + s.unresumed(), "", 0, "none")
                        .withBaseline(baseline.storm.failedAttempts() + baseline.storm.unresumed())
                        .limitedBy(s.failures().isEmpty() ? null : s.failures().toString()))
                .add(Figure.of("resumed with reset (replay could not vouch)", s.resets(), "sockets"));
        storm.detail("gateway", Map.of("resumed", s.resumed(), "resets", s.resets(), "unresumed", s.unresumed(),
                        "failedAttempts", s.failedAttempts(), "failures", s.failures()))
                .detail("baseline", Map.of("resumed", baseline.storm.resumed(), "unresumed", baseline.storm.unresumed(),
                        "failedAttempts", baseline.storm.failedAttempts()));
        Map<String, Histogram> curves = new LinkedHashMap<>();
        curves.put("gateway", s.resumeTimes());
        curves.put("baseline", baseline.storm.resumeTimes());
        context.report().chart(context.charts().cumulative("reconnect-storm.png",
                "Reconnect storm: sockets resumed after a drop of all " + sockets.size(), "sockets resumed", curves));
    }

    private Side measure(List<SocketSpec> sockets, java.net.URI url, long pid, LongSupplier heap, boolean gateway,
            ClientConfig defaults) {
        Side side = new Side();
        side.heapBefore = heapAfterGc(pid, heap);
        side.rssBefore = ProcessProbe.rssBytes(pid);
        try {
            long connectStart = System.nanoTime();
            try (FlightRecordings ignored = FlightRecordings.start("connect", gateway ? Map.of("gateway", pid)
                    : Map.of("baseline", pid))) {
                side.connected = context.fleet().connect(url, sockets, 200);
            }
            side.connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            side.opened = side.connected.opened();
            settle();
            side.heapAfter = heapAfterGc(pid, heap);
            FlightRecordings.histogram(gateway ? "capacity-gateway-histogram" : "capacity-baseline-histogram", pid);
            side.rssAfter = ProcessProbe.rssBytes(pid);
            if (gateway) {
                side.serverCount = ProcessProbe.metric(context.system().gatewayMetricsUrl(),
                        "backchannel_gateway_connections_open");
                giveEverySocketAnEvent(sockets);
            }
            long dropAt = Latencies.nowMicros() + 300_000;
            side.storm = context.fleet().storm(dropAt, defaults.reconnectBackoff().initial(),
                    defaults.reconnectBackoff().max(), profile.seed(), Duration.ofSeconds(profile.stormDeadlineSec()));
        } finally {
            context.fleet().closeAll();
        }
        return side;
    }

    /** One event per user, so every socket has a last event id to resume from. */
    private void giveEverySocketAnEvent(List<SocketSpec> sockets) {
        List<String> users = sockets.stream().map(SocketSpec::userId).distinct().toList();
        OpenLoopSchedule everyUser = OpenLoopSchedule.eachUserOnce(users, Math.max(500, users.size()));
        FanOutRun.run(context, FanOutRun.Side.GATEWAY, everyUser, profile.windows(), Set.of());
    }

    private static void settle() {
        LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
    }

    private static long heapAfterGc(long pid, LongSupplier heap) {
        ProcessProbe.forceGc(pid);
        return heap.getAsLong();
    }

    private static final class Side {
        LoadFleet.Connected connected;
        int opened;
        long heapBefore;
        long heapAfter;
        long rssBefore;
        long rssAfter;
        double serverCount = Double.NaN;
        double connectSeconds = Double.NaN;
        LoadFleet.Storm storm;

        double heapPerConnection() {
            return heapBefore < 0 || heapAfter < 0 || opened == 0 ? Double.NaN : (heapAfter - heapBefore) / (double) opened;
        }

        double rssPerConnection() {
            return rssBefore < 0 || rssAfter < 0 || opened == 0 ? Double.NaN : (rssAfter - rssBefore) / (double) opened;
        }

        Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("opened", opened);
            details.put("connectFailures", connected.failures());
            details.put("connectSeconds", connectSeconds);
            details.put("openPerServerMetric", serverCount);
            details.put("heapAfterGcBefore", heapBefore);
            details.put("heapAfterGcWithSockets", heapAfter);
            details.put("rssBefore", rssBefore);
            details.put("rssWithSockets", rssAfter);
            return details;
        }
    }
}
