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
 * Fan-out: status events for U users with W windows each, at the target rate, at half of it, and
 * as fast as they come (for the share of the baseline's maximum); then slow consumers on the
 * same sockets: the half-rate run again, without and with 5% of the sockets no longer reading.
 * The same plans run against the baseline.
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

    public void run() {
        List<String> users = context.users(profile.fanOutUsers());
        List<SocketSpec> sockets = context.sockets(users, profile.windows());
        int w = profile.windows();
        double targetEvents = profile.targetFramesPerSec() / (double) w;
        OpenLoopSchedule atTarget = schedule(users, targetEvents, profile.runSeconds(), 1);
        OpenLoopSchedule atHalf = schedule(users, targetEvents / 2, profile.runSeconds(), 2);
        OpenLoopSchedule flat = new OpenLoopSchedule(targetEvents * 4, (int) (targetEvents * profile.maxRunSeconds()),
                profile.seed() + 3, users);
        fanOut.parameter("users (U)", users.size()).parameter("windows per user (W)", w)
                .parameter("sockets", sockets.size())
                .parameter("target rate", profile.targetFramesPerSec() + " frames/s")
                .parameter("run", profile.runSeconds() + " s per rate")
                .parameter("maximum-rate run", flat.count() + " events offered at " + (int) flat.ratePerSecond() + "/s");
        slow.parameter("sockets", sockets.size()).parameter("slow share", profile.slowFraction())
                .parameter("rate", profile.targetFramesPerSec() / 2 + " frames/s").parameter("run", profile.runSeconds() + " s");

        // ---- the gateway
        LoadFleet.Connected connected = context.fleet().connect(context.system().socketUrl(), sockets, 200);
        fanOut.detail("gateway sockets opened", connected.opened()).detail("gateway connect failures", connected.failures());
        FanOutRun.Result target;
        FanOutRun.Result half;
        FanOutRun.Result max;
        FanOutRun.Result reference;
        FanOutRun.Result withSlow;
        Map<String, Object> memory = new LinkedHashMap<>();
        Set<Integer> slowSockets = pickSlow(sockets.size());
        try {
            warmUp(FanOutRun.Side.GATEWAY, users, targetEvents);
            // the maximum first: it tells how long an overloaded run's backlog takes to arrive
            max = FanOutRun.run(context, FanOutRun.Side.GATEWAY, flat, w, Set.of());
            double rate = max.framesPerSecond();
            target = FanOutRun.run(context, FanOutRun.Side.GATEWAY, atTarget, w, Set.of(), rate);
            half = FanOutRun.run(context, FanOutRun.Side.GATEWAY, atHalf, w, Set.of(), rate);
            reference = FanOutRun.run(context, FanOutRun.Side.GATEWAY, atHalf, w, Set.of(), rate);
            memory.put("heapAfterGcBefore", heapAfterGc());
            memory.put("rssBefore", ProcessProbe.rssBytes(context.system().gatewayPid()));
            int paused = context.fleet().pause(slowSockets);
            slow.detail("slow sockets", paused);
            withSlow = FanOutRun.run(context, FanOutRun.Side.GATEWAY, atHalf, w, slowSockets, max.framesPerSecond());
            memory.put("heapDuringSlow", ProcessProbe.quarkusHeapUsed(context.system().gatewayMetricsUrl()));
            memory.put("heapAfterGcWithSlow", heapAfterGc());
            memory.put("rssWithSlow", ProcessProbe.rssBytes(context.system().gatewayPid()));
            memory.put("slowConsumerCloses", ProcessProbe.metric(context.system().gatewayMetricsUrl(),
                    "backchannel_gateway_slow_consumer_closes_total"));
            context.fleet().resumeReading();
        } finally {
            context.fleet().closeAll();
        }

        // ---- the baseline, same sockets, same plans
        LoadFleet.Connected baselineConnected = context.fleet().connect(context.baseline().socketUrl(), sockets, 200);
        fanOut.detail("baseline sockets opened", baselineConnected.opened());
        FanOutRun.Result baseTarget;
        FanOutRun.Result baseHalf;
        FanOutRun.Result baseMax;
        try {
            warmUp(FanOutRun.Side.BASELINE, users, targetEvents);
            baseMax = FanOutRun.run(context, FanOutRun.Side.BASELINE, flat, w, Set.of());
            double rate = baseMax.framesPerSecond();
            baseTarget = FanOutRun.run(context, FanOutRun.Side.BASELINE, atTarget, w, Set.of(), rate);
            baseHalf = FanOutRun.run(context, FanOutRun.Side.BASELINE, atHalf, w, Set.of(), rate);
        } finally {
            context.fleet().closeAll();
        }

        reportFanOut(target, half, max, baseTarget, baseHalf, baseMax);
        reportSlow(reference, withSlow, memory, slowSockets.size());
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        latencies.put("gateway @ target", target.latency());
        latencies.put("baseline @ target", baseTarget.latency());
        latencies.put("gateway @ half", half.latency());
        latencies.put("baseline @ half", baseHalf.latency());
        context.report().chart(context.charts().percentiles("fan-out-latency.png",
                "Fan-out: publish to receipt", latencies));
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("target", (double) profile.targetFramesPerSec());
        rates.put("gateway @ target", target.framesPerSecond());
        rates.put("baseline @ target", baseTarget.framesPerSecond());
        rates.put("gateway max", max.framesPerSecond());
        rates.put("baseline max", baseMax.framesPerSecond());
        context.report().chart(context.charts().bars("fan-out-rate.png", "Fan-out: delivered frames per second",
                "frames/s", rates));
        Map<String, Histogram> slowLatencies = new LinkedHashMap<>();
        slowLatencies.put("fast sockets, no slow ones", reference.latency());
        slowLatencies.put("fast sockets, 5% slow", withSlow.latency());
        context.report().chart(context.charts().percentiles("slow-consumers.png",
                "Slow consumers: fast sockets' latency", slowLatencies));
    }

    private void reportFanOut(FanOutRun.Result target, FanOutRun.Result half, FanOutRun.Result max,
            FanOutRun.Result baseTarget, FanOutRun.Result baseHalf, FanOutRun.Result baseMax) {
        String limits = limits(target);
        boolean allDelivered = target.missing() == 0;
        fanOut.add(new Figure("delivered at target rate", target.framesPerSecond(), "frames/s",
                        "≥ 40,000 frames/s, p99 < 100 ms", baseTarget.framesPerSecond(),
                        verdict(target.framesPerSecond() >= 0.97 * Targets.FAN_OUT_FRAMES_PER_SECOND && allDelivered
                                && Latencies.millisAt(target.latency(), 99) < Targets.FAN_OUT_P99_MS,
                                target.framesPerSecond()), limits))
                .add(latency("p50 at target rate", target, baseTarget, 50, Double.NaN, null))
                .add(latency("p99 at target rate", target, baseTarget, 99, Targets.FAN_OUT_P99_MS, "< 100 ms")
                        .limitedBy(limits))
                .add(latency("p99.9 at target rate", target, baseTarget, 99.9, Double.NaN, null))
                .add(Figure.of("frames missing at target rate", target.missing(), "frames")
                        .withBaseline(baseTarget.missing()))
                .add(Figure.of("gateway CPU per frame at target rate", target.cpuMicrosPerFrame(), "µs")
                        .withBaseline(baseTarget.cpuMicrosPerFrame()).limitedBy(cores(target)))
                .add(Figure.atLeast("maximum delivered rate", max.framesPerSecond(), "frames/s",
                                Targets.FAN_OUT_SHARE_OF_BASELINE * baseMax.framesPerSecond(), "≥ 40% of baseline")
                        .withBaseline(baseMax.framesPerSecond()).limitedBy(limits(max)))
                .add(latency("p50 at half rate", half, baseHalf, 50, Targets.HALF_RATE_P50_MS, "< 2 ms")
                        .limitedBy(limits(half)))
                .add(latency("p99 at half rate", half, baseHalf, 99, Targets.HALF_RATE_P99_MS, "< 10 ms")
                        .limitedBy(limits(half)))
                .add(latency("p99.9 at half rate", half, baseHalf, 99.9, Double.NaN, null))
                .add(Figure.of("gateway CPU per frame at half rate", half.cpuMicrosPerFrame(), "µs")
                        .withBaseline(baseHalf.cpuMicrosPerFrame()).limitedBy(cores(half)));
        fanOut.detail("cores used at target rate (gateway run)", target.cores())
                .detail("cores used at target rate (baseline run)", baseTarget.cores())
                .detail("cores used, maximum-rate run (gateway)", max.cores())
                .detail("cores used, maximum-rate run (baseline)", baseMax.cores())
                .detail("publisher lag ms (target, half, max)", List.of(target.publisherLagMs(), half.publisherLagMs(),
                        max.publisherLagMs()))
                .detail("frames expected/received at target", List.of(target.expectedFrames(), target.frames()))
                .detail("frames expected/received at half", List.of(half.expectedFrames(), half.frames()))
                .detail("frames expected/received at max", List.of(max.expectedFrames(), max.frames()))
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

    private Figure latency(String name, FanOutRun.Result ours, FanOutRun.Result base, double percentile, double max,
            String target) {
        double value = Latencies.millisAt(ours.latency(), percentile);
        Figure figure = target == null ? Figure.of(name, value, "ms") : Figure.atMost(name, value, "ms", max, target);
        return figure.withBaseline(Latencies.millisAt(base.latency(), percentile));
    }

    private static Figure.Verdict verdict(boolean ok, double value) {
        return Double.isNaN(value) ? Figure.Verdict.NOT_MEASURED : ok ? Figure.Verdict.PASS : Figure.Verdict.FALLS_SHORT;
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
