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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Fan-out: status events for U users with W windows each. On each side (the gateway, the broker-fed
 * baseline, and the ceiling with no broker), the same plans: a saturation run (offered at four times
 * the target rate: what the side delivers at most), an overload run at twice that saturation rate
 * (goodput: does it collapse?), and a run at the target rate (latency). Then slow consumers on the
 * gateway's sockets: the target-rate run again with 5% of the sockets no longer reading.
 */
public final class FanOutScenario {

    private final BenchContext context;
    private final BenchProfile profile;
    private final ScenarioReport fanOut = new ScenarioReport("fan-out", "Fan-out");
    private final ScenarioReport slow = new ScenarioReport("slow-consumers", "Slow consumers");

    public FanOutScenario(BenchContext context) {
        this.context = context;
        this.profile = context.profile();
    }

    public List<ScenarioReport> reports() {
        return List.of(fanOut, slow);
    }

    /** One side's runs. */
    private record SideRuns(FanOutRun.Result saturation, FanOutRun.Result overload, FanOutRun.Result target) {
    }

    public void run() {
        List<String> users = context.users(profile.fanOutUsers());
        List<SocketSpec> sockets = context.sockets(users, profile.windows());
        int w = profile.windows();
        double targetEvents = profile.targetFramesPerSec() / (double) w;
        OpenLoopSchedule atTarget = schedule(users, targetEvents, profile.runSeconds(), 1);
        OpenLoopSchedule flat = new OpenLoopSchedule(targetEvents * 4, (int) (targetEvents * 4 * profile.maxRunSeconds()),
                profile.seed() + 3, users);
        fanOut.parameter("users (U)", users.size()).parameter("windows per user (W)", w)
                .parameter("sockets", sockets.size())
                .parameter("target rate", profile.targetFramesPerSec() + " frames/s")
                .parameter("run", profile.runSeconds() + " s per rate")
                .parameter("saturation run", flat.count() + " events offered at " + (int) flat.ratePerSecond() + "/s")
                .parameter("overload run", "twice the side's saturation rate for " + profile.runSeconds() + " s");
        slow.parameter("sockets", sockets.size()).parameter("slow share", profile.slowFraction())
                .parameter("rate", profile.targetFramesPerSec() + " frames/s").parameter("run", profile.runSeconds() + " s");

        // ---- the gateway
        LoadFleet.Connected connected = context.fleet().connect(context.system().socketUrl(), sockets, 200);
        fanOut.detail("gateway sockets opened", connected.opened()).detail("gateway connect failures", connected.failures());
        SideRuns gateway;
        FanOutRun.Result withSlow;
        Map<String, Object> memory = new LinkedHashMap<>();
        Set<Integer> slowSockets = pickSlow(sockets.size());
        try {
            try (FlightRecordings ignored = FlightRecordings.start("fan-out", Map.of("gateway",
                    context.system().gatewayPid(), "broker", context.system().brokerPid(), "driver",
                    ProcessHandle.current().pid()))) {
                gateway = runSide(FanOutRun.Side.GATEWAY, users, targetEvents, flat, atTarget);
            }
            memory.put("heapAfterGcBefore", heapAfterGc());
            memory.put("rssBefore", ProcessProbe.rssBytes(context.system().gatewayPid()));
            int paused = context.fleet().pause(slowSockets);
            slow.detail("slow sockets", paused);
            withSlow = FanOutRun.run(context, FanOutRun.Side.GATEWAY, atTarget, w, slowSockets,
                    gateway.saturation().framesPerSecond());
            memory.put("heapDuringSlow", ProcessProbe.quarkusHeapUsed(context.system().gatewayMetricsUrl()));
            memory.put("heapAfterGcWithSlow", heapAfterGc());
            memory.put("rssWithSlow", ProcessProbe.rssBytes(context.system().gatewayPid()));
            memory.put("slowConsumerCloses", ProcessProbe.metric(context.system().gatewayMetricsUrl(),
                    "backchannel_gateway_slow_consumer_closes_total"));
            context.fleet().resumeReading();
        } finally {
            context.fleet().closeAll();
        }

        // ---- the baselines, same sockets, same plans
        LoadFleet.Connected baselineConnected = context.fleet().connect(context.baseline().socketUrl(), sockets, 200);
        fanOut.detail("baseline sockets opened", baselineConnected.opened());
        SideRuns brokerFed;
        SideRuns ceiling;
        try {
            brokerFed = runSide(FanOutRun.Side.BROKER_FED, users, targetEvents, flat, atTarget);
            ceiling = runSide(FanOutRun.Side.CEILING, users, targetEvents, flat, atTarget);
        } finally {
            context.fleet().closeAll();
        }

        reportFanOut(gateway, brokerFed, ceiling);
        reportSlow(gateway.target(), withSlow, memory, slowSockets.size());
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        latencies.put("gateway @ target", gateway.target().latency());
        latencies.put("broker-fed baseline @ target", brokerFed.target().latency());
        latencies.put("ceiling @ target", ceiling.target().latency());
        context.report().chart(context.charts().percentiles("fan-out-latency.png",
                "Fan-out: publish to receipt at " + profile.targetFramesPerSec() + " frames/s", latencies));
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("gateway saturation", gateway.saturation().framesPerSecond());
        rates.put("gateway 2x overload", gateway.overload().framesPerSecond());
        rates.put("baseline saturation", brokerFed.saturation().framesPerSecond());
        rates.put("baseline 2x overload", brokerFed.overload().framesPerSecond());
        rates.put("ceiling saturation", ceiling.saturation().framesPerSecond());
        context.report().chart(context.charts().bars("fan-out-rate.png", "Fan-out: delivered frames per second",
                "frames/s", rates));
        Map<String, Histogram> slowLatencies = new LinkedHashMap<>();
        slowLatencies.put("fast sockets, no slow ones", gateway.target().latency());
        slowLatencies.put("fast sockets, 5% slow", withSlow.latency());
        context.report().chart(context.charts().percentiles("slow-consumers.png",
                "Slow consumers: fast sockets' latency", slowLatencies));
    }

    /** Warm-up, saturation, overload at twice the saturation rate, and the target rate, on one side. */
    private SideRuns runSide(FanOutRun.Side side, List<String> users, double targetEvents, OpenLoopSchedule flat,
            OpenLoopSchedule atTarget) {
        int w = profile.windows();
        warmUp(side, users, targetEvents);
        // saturation first: it tells how long an overloaded run's backlog takes to arrive
        FanOutRun.Result saturation = FanOutRun.run(context, side, flat, w, Set.of());
        double rate = saturation.framesPerSecond();
        FanOutRun.Result overload = Double.isNaN(rate) ? saturation
                : FanOutRun.run(context, side, schedule(users, 2 * rate / w, profile.runSeconds(), 4), w, Set.of(), rate);
        FanOutRun.Result target = FanOutRun.run(context, side, atTarget, w, Set.of(), rate);
        return new SideRuns(saturation, overload, target);
    }

    private void reportFanOut(SideRuns gateway, SideRuns baseline, SideRuns ceiling) {
        FanOutRun.Result target = gateway.target();
        String limits = limits(target);
        double p99Target = Math.max(Targets.FAN_OUT_P99_MS, Latencies.millisAt(baseline.target().latency(), 99));
        double saturation = gateway.saturation().framesPerSecond();
        fanOut.add(Figure.of("delivered at target rate", target.framesPerSecond(), "frames/s")
                        .withBaseline(baseline.target().framesPerSecond())
                        .withCeiling(ceiling.target().framesPerSecond()))
                .add(latency("p50 at target rate", gateway, baseline, ceiling, 50, Targets.FAN_OUT_P50_MS, "≤ 2 ms")
                        .limitedBy(limits))
                .add(latency("p99 at target rate", gateway, baseline, ceiling, 99, p99Target,
                        "≤ 25 ms or ≤ baseline's").limitedBy(limits))
                .add(latency("p99.9 at target rate", gateway, baseline, ceiling, 99.9, Double.NaN, null))
                .add(Figure.atMost("frames missing at target rate", target.missing(), "frames", 0, "none")
                        .withBaseline(baseline.target().missing()).withCeiling(ceiling.target().missing()))
                .add(Figure.of("server CPU per frame at target rate", target.cpuMicrosPerFrame(), "µs")
                        .withBaseline(baseline.target().cpuMicrosPerFrame())
                        .withCeiling(ceiling.target().cpuMicrosPerFrame()).limitedBy(cores(target)))
                .add(Figure.atLeast("saturation (maximum delivered rate)", saturation, "frames/s",
                                Targets.SATURATION_SHARE_OF_BASELINE * baseline.saturation().framesPerSecond(),
                                "≥ 100% of baseline")
                        .withBaseline(baseline.saturation().framesPerSecond())
                        .withCeiling(ceiling.saturation().framesPerSecond()).limitedBy(limits(gateway.saturation())))
                .add(Figure.atLeast("goodput under 2× overload", gateway.overload().framesPerSecond(), "frames/s",
                                Targets.OVERLOAD_GOODPUT_SHARE * saturation, "≥ 90% of own saturation")
                        .withBaseline(baseline.overload().framesPerSecond()).limitedBy(limits(gateway.overload())))
                .add(Figure.of("goodput / saturation under 2× overload",
                        gateway.overload().framesPerSecond() / saturation, "×")
                        .withBaseline(baseline.overload().framesPerSecond() / baseline.saturation().framesPerSecond()));
        fanOut.detail("cores used at target rate", Map.of("gateway", target.cores(), "baseline",
                        baseline.target().cores(), "ceiling", ceiling.target().cores()))
                .detail("cores used, saturation run", Map.of("gateway", gateway.saturation().cores(), "baseline",
                        baseline.saturation().cores(), "ceiling", ceiling.saturation().cores()))
                .detail("cores used, overload run", Map.of("gateway", gateway.overload().cores(), "baseline",
                        baseline.overload().cores()))
                .detail("publisher lag ms (gateway: saturation, overload, target)", List.of(
                        gateway.saturation().publisherLagMs(), gateway.overload().publisherLagMs(),
                        target.publisherLagMs()))
                .detail("frames expected/received (gateway: saturation, overload, target)", List.of(
                        List.of(gateway.saturation().expectedFrames(), gateway.saturation().frames()),
                        List.of(gateway.overload().expectedFrames(), gateway.overload().frames()),
                        List.of(target.expectedFrames(), target.frames())))
                .detail("frames expected/received (baseline: saturation, overload, target)", List.of(
                        List.of(baseline.saturation().expectedFrames(), baseline.saturation().frames()),
                        List.of(baseline.overload().expectedFrames(), baseline.overload().frames()),
                        List.of(baseline.target().expectedFrames(), baseline.target().frames())))
                .detail("socket closes seen by clients (code: count)", target.collected().closes());
    }

    private void reportSlow(FanOutRun.Result reference, FanOutRun.Result withSlow, Map<String, Object> memory,
            int slowCount) {
        double p99Without = Latencies.millisAt(reference.latency(), 99);
        double p99With = Latencies.millisAt(withSlow.latency(), 99);
        long heapBefore = (long) memory.get("heapAfterGcBefore");
        long heapWith = (long) memory.get("heapAfterGcWithSlow");
        // each slow socket may hold at most max-pending-frames (1000) frames of about this size
        double bound = slowCount * 1000.0 * 700;
        slow.add(Figure.of("fast sockets' p99 without slow ones", p99Without, "ms"))
                .add(Figure.atMost("fast sockets' p99 with 5% slow", p99With, "ms",
                        Targets.SLOW_CONSUMER_P99_FACTOR * p99Without, "≤ 1.5 × without")
                        .limitedBy(limits(withSlow)))
                .add(Figure.of("p99 with / without", p99With / p99Without, "×"))
                .add(Figure.atMost("gateway heap growth (after GC)", heapWith < 0 || heapBefore < 0 ? Double.NaN
                        : (heapWith - heapBefore) / 1048576.0, "MiB", bound / 1048576.0,
                        String.format(Locale.ROOT, "bounded (≤ %.0f MiB: slow sockets × 1000 pending frames)",
                                bound / 1048576.0)))
                .add(Figure.of("frames the fast sockets missed", withSlow.missing(), "frames"));
        slow.detail("memory", memory).detail("closes seen by clients", withSlow.collected().closes())
                .detail("cores used (with slow)", withSlow.cores());
    }

    private Figure latency(String name, SideRuns ours, SideRuns base, SideRuns ceiling, double percentile,
            double max, String target) {
        double value = Latencies.millisAt(ours.target().latency(), percentile);
        Figure figure = target == null ? Figure.of(name, value, "ms") : Figure.atMost(name, value, "ms", max, target);
        return figure.withBaseline(Latencies.millisAt(base.target().latency(), percentile))
                .withCeiling(Latencies.millisAt(ceiling.target().latency(), percentile));
    }

    /** What the run shows about where the time went: who used the 2 cores, and whether sending kept up. */
    static String limits(FanOutRun.Result run) {
        StringBuilder text = new StringBuilder(cores(run));
        if (run.publisherLagMs() > 50) {
            text.append(String.format(Locale.ROOT, "; publishing fell %.0f ms behind schedule", run.publisherLagMs()));
        }
        if (run.missing() > 0) {
            text.append("; ").append(run.missing()).append(" frames not received in time");
        }
        return text.toString();
    }

    static String cores(FanOutRun.Result run) {
        List<String> parts = new ArrayList<>();
        run.cores().entrySet().stream().filter(e -> e.getValue() >= 0.05)
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> parts.add(e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue())));
        return "cores used: " + String.join(", ", parts);
    }

    /** A one-second run at a quarter of the target rate that warms both ends up (not reported; not at smoke size). */
    private void warmUp(FanOutRun.Side side, List<String> users, double targetEvents) {
        if (profile.runSeconds() >= 1) {
            FanOutRun.run(context, side, schedule(users, targetEvents / 4, 1, 9), profile.windows(), Set.of());
        }
    }

    private OpenLoopSchedule schedule(List<String> users, double eventsPerSecond, double seconds, int salt) {
        return new OpenLoopSchedule(eventsPerSecond, Math.max(1, (int) (eventsPerSecond * seconds)),
                profile.seed() + salt, users);
    }

    private Set<Integer> pickSlow(int sockets) {
        int count = Math.max(1, (int) Math.round(sockets * profile.slowFraction()));
        SplittableRandom random = new SplittableRandom(profile.seed() + 7);
        Set<Integer> chosen = new TreeSet<>();
        while (chosen.size() < count) {
            chosen.add(random.nextInt(sockets));
        }
        return chosen;
    }

    private long heapAfterGc() {
        ProcessProbe.forceGc(context.system().gatewayPid());
        return ProcessProbe.quarkusHeapUsed(context.system().gatewayMetricsUrl());
    }
}
