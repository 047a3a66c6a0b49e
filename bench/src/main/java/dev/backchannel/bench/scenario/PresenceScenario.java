package dev.backchannel.bench.scenario;

import dev.backchannel.bench.BenchProfile;
import dev.backchannel.bench.Targets;
import dev.backchannel.bench.load.Latencies;
import dev.backchannel.bench.load.LoadFleet;
import dev.backchannel.bench.load.PresenceFleet;
import dev.backchannel.bench.load.PresenceTally;
import dev.backchannel.bench.load.SocketSpec;
import dev.backchannel.bench.publish.OpenLoopSchedule;
import dev.backchannel.bench.report.Figure;
import dev.backchannel.bench.report.ScenarioReport;
import dev.backchannel.bench.system.ProcessProbe;
import dev.backchannel.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Presence beside the push path (issue #18: presence must not slow the command push path). The
 * fan-out's sockets (U users × W windows, {@code backchannel.v1}) get status events at a fixed rate
 * (half the target rate: see {@link BenchProfile.Presence}) while N watchers ({@code backchannel.v2}, one user each) follow one record's topic
 * {@code items/<id>}. After a warm-up, three fan-out runs of the same length in one session: without churn, with
 * churn (presence changes and rejoins at fixed rates), without churn again; the two runs without
 * churn are the baseline, one before and one after so that warming up or drifting does not count
 * for or against presence. Besides the push latencies: presence set-to-receipt latency at the
 * other watchers, presence frames per join (O(watchers), not O(watchers²)), and the gateway's CPU.
 */
public final class PresenceScenario {

    private static final Duration SETTLE_QUIET = Duration.ofSeconds(1);
    private static final Duration SETTLE_MAX = Duration.ofSeconds(60);
    private static final String PRESENCE_FRAMES_METRIC = "backchannel_gateway_presence_frames_total";

    private final BenchContext context;
    private final BenchProfile profile;
    private final BenchProfile.Presence sizes;
    private final ScenarioReport report = new ScenarioReport("presence", "Presence");

    public PresenceScenario(BenchContext context) {
        this.context = context;
        this.profile = context.profile();
        this.sizes = profile.presence();
    }

    public ScenarioReport report() {
        return report;
    }

    /** The push runs and the churn of one session. */
    private record Runs(FanOutRun.Result before, FanOutRun.Result during, FanOutRun.Result after,
            PresenceFleet.Collected churn, PresenceFleet.Churned churned, PresenceTally joining, PresenceTally quiet,
            double gatewayPresenceFrames, int watchersOpened, PresenceTally probeLeave, PresenceTally probeJoin,
            PushFrameLedger ledger) {
    }

    public void run() {
        int w = profile.windows();
        List<String> users = context.users(profile.fanOutUsers());
        List<SocketSpec> sockets = context.sockets(users, w);
        List<SocketSpec> watchers = watchers(sockets.size(), users.size());
        String topic = Topics.item(new UUID(profile.seed(), 0x70726573656e6365L).toString());
        double targetEvents = sizes.pushFramesPerSec() / (double) w;
        report.parameter("push sockets", sockets.size() + " (" + users.size() + " users × " + w + " windows, v1)")
                .parameter("push rate", sizes.pushFramesPerSec() + " frames/s")
                .parameter("watchers", watchers.size() + " (v2, one user each, on one " + Topics.ITEM_PREFIX
                        + "<id> topic)")
                .parameter("churn", sizes.setsPerSecond() + " presence.set/s and " + sizes.rejoinsPerSecond()
                        + " rejoins/s (a leave and a join each)")
                .parameter("runs", "without churn, with churn, without churn; " + sizes.seconds() + " s each");

        Runs runs = measure(sockets, watchers, topic, targetEvents);
        reportFigures(runs, watchers.size());
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        latencies.put("push, without churn", without(runs));
        latencies.put("push, with churn", runs.during().latency());
        latencies.put("presence.changed at other watchers", runs.churn().changedLatency());
        context.report().chart(context.charts().percentiles("presence-latency.png",
                "Presence: push latency with and without churn, and presence delta latency", latencies));
    }

    private Runs measure(List<SocketSpec> sockets, List<SocketSpec> watchers, String topic, double targetEvents) {
        int w = profile.windows();
        List<String> users = context.users(profile.fanOutUsers());
        PresenceFleet presence = context.fleet().presence();
        LoadFleet.Connected connected = context.fleet().connect(context.system().socketUrl(), sockets, 200);
        report.detail("push sockets opened", connected.opened()).detail("push connect failures", connected.failures());
        try {
            int opened = presence.connect(context.system().socketUrl(), topic, watchers, 50);
            settle(presence, opened);
            PresenceTally joining = presence.collect(PresenceFleet.Churned.NONE).tally();
            PushFrameLedger ledger = new PushFrameLedger();
            if (sizes.seconds() >= 1) {
                // warm-up, not reported: a cold gateway (--only presence) would make the first run the slowest
                ledger.add("warm-up 1", FanOutRun.run(context, FanOutRun.Side.GATEWAY,
                        schedule(users, targetEvents / 4, 1, 29), w, Set.of()));
                ledger.add("warm-up 2", FanOutRun.run(context, FanOutRun.Side.GATEWAY,
                        schedule(users, targetEvents, sizes.seconds(), 28), w, Set.of()));
            }
            FanOutRun.Result before = ledger.add("before", FanOutRun.run(context, FanOutRun.Side.GATEWAY,
                    schedule(users, targetEvents, sizes.seconds(), 21), w, Set.of()));
            PresenceTally quiet = presence.collect(PresenceFleet.Churned.NONE).tally();

            double framesBefore = gatewayPresenceFrames();
            // the churn starts with the publishing (which waits 200 ms) and lasts as long
            CompletableFuture<PresenceFleet.Churned> churn = presence.churn(
                    Duration.ofMillis((long) (sizes.seconds() * 1000) + 200), sizes.setsPerSecond(),
                    sizes.rejoinsPerSecond(), profile.seed() + 17);
            FanOutRun.Result during;
            try (FlightRecordings ignored = FlightRecordings.start("presence-churn", Map.of("gateway",
                    context.system().gatewayPid(), "broker", context.system().brokerPid()))) {
                during = ledger.add("with churn", FanOutRun.run(context, FanOutRun.Side.GATEWAY,
                        schedule(users, targetEvents, sizes.seconds(), 22), w, Set.of()));
            }
            PresenceFleet.Churned churned = churn.join();
            settle(presence, 0);
            PresenceFleet.Collected collected = presence.collect(churned);
            double gatewayFrames = gatewayPresenceFrames() - framesBefore;

            FanOutRun.Result after = ledger.add("after", FanOutRun.run(context, FanOutRun.Side.GATEWAY,
                    schedule(users, targetEvents, sizes.seconds(), 23), w, Set.of()));
            PresenceTally[] probe = probe(presence, watchers);
            // frames of the last run that came after it was collected (the probe took a few seconds)
            LoadFleet.Collected afterTheRuns = context.fleet().collect();
            ledger.lateAfterTheRuns(afterTheRuns.late());
            report.detail("push sockets closed by the server since the last run started (by close code)",
                    afterTheRuns.closes()).detail("push sockets open after the runs", afterTheRuns.open());
            return new Runs(before, during, after, collected, churned, joining, quiet, gatewayFrames, opened, probe[0],
                    probe[1], ledger);
        } finally {
            context.fleet().closeAll();
        }
    }

    private void reportFigures(Runs runs, int watchers) {
        FanOutRun.Result during = runs.during();
        Histogram without = without(runs);
        double p99Without = Latencies.millisAt(without, 99);
        PresenceTally tally = runs.churn().tally();
        double changes = tally.sets() + tally.joins() + tally.leaves();
        double bound = PresenceTally.linearBound(watchers);
        report.add(Figure.of("push p50 with churn", Latencies.millisAt(during.latency(), 50), "ms")
                        .withBaseline(Latencies.millisAt(without, 50)))
                .add(Figure.atMost("push p99 with churn", Latencies.millisAt(during.latency(), 99), "ms",
                                Targets.PRESENCE_PUSH_P99_FACTOR * p99Without, "≤ 1.5 × without churn")
                        .withBaseline(p99Without).limitedBy(FanOutScenario.limits(during)))
                .add(Figure.of("push p99.9 with churn", Latencies.millisAt(during.latency(), 99.9), "ms")
                        .withBaseline(Latencies.millisAt(without, 99.9)))
                .add(Figure.atMost("push frames missing with churn", during.missing(), "frames", 0, "none")
                        .withBaseline(runs.before().missing() + runs.after().missing()))
                .add(Figure.atMost("push frames received twice with churn", during.extra(), "frames", 0, "none")
                        .withBaseline(runs.before().extra() + runs.after().extra()))
                .add(Figure.of("push frames late (arrived after their run was collected)",
                        runs.ledger().lateOf("before", "with churn", "after"), "frames"))
                .add(Figure.of("gateway cores used", gatewayCores(during), "cores")
                        .withBaseline((gatewayCores(runs.before()) + gatewayCores(runs.after())) / 2))
                .add(Figure.of("gateway CPU per push frame", during.cpuMicrosPerFrame(), "µs")
                        .withBaseline((runs.before().cpuMicrosPerFrame() + runs.after().cpuMicrosPerFrame()) / 2))
                .add(Figure.of("presence set → changed at others, p50",
                        Latencies.millisAt(runs.churn().changedLatency(), 50), "ms"))
                .add(Figure.atMost("presence set → changed at others, p99",
                        Latencies.millisAt(runs.churn().changedLatency(), 99), "ms", 2_000,
                        "≤ 2,000 ms (the contract's bound across nodes)"))
                .add(Figure.of("presence rejoin → joined at others, p99",
                        Latencies.millisAt(runs.churn().joinedLatency(), 99), "ms"))
                .add(Figure.atMost("presence frames per join (measured alone)", runs.probeJoin().framesPerJoin(),
                        "frames", bound, "≤ watchers + 1 (" + (int) bound + "): O(watchers)"))
                .add(Figure.atMost("presence frames per leave (measured alone)", runs.probeLeave().framesPerLeave(),
                        "frames", watchers, "≤ watchers (" + watchers + ")"))
                .add(Figure.atMost("presence frames per change with churn", changes == 0 ? Double.NaN
                        : tally.frames() / changes, "frames", bound, "≤ watchers + 1 (" + (int) bound + ")"))
                .add(Figure.atMost("gateway presence frames per change", changes == 0 ? Double.NaN
                        : runs.gatewayPresenceFrames() / changes, "frames", bound, "≤ watchers + 1 (" + (int) bound + ")"))
                .add(Figure.of("presence frames received per second with churn", tally.frames() / sizes.seconds(),
                        "frames/s"))
                .add(Figure.atMost("failed rejoins", runs.churned().failures() + runs.probeLeave().leaves()
                        - runs.probeJoin().joins(), "sockets", 0, "none"));
        report.detail("push frames per run (missing, received twice, late: event ids)", runs.ledger().describe())
                .detail("watchers opened", runs.watchersOpened())
                .detail("presence frames while the watchers joined", frames(runs.joining()))
                .detail("presence frames in the run without churn", frames(runs.quiet()))
                .detail("churn done", runs.churned())
                .detail("watchers open after the churn", tally.open())
                .detail("presence frames with churn", frames(tally))
                .detail("presence frames per join / per set / per leave with churn", List.of(tally.framesPerJoin(),
                        tally.framesPerSet(), tally.framesPerLeave()))
                .detail("join probe: watchers that left and rejoined", runs.probeJoin().joins())
                .detail("join probe: frames of the leaves", frames(runs.probeLeave()))
                .detail("join probe: frames of the joins", frames(runs.probeJoin()))
                .detail("gateway presence frames counted by the gateway (with churn)", runs.gatewayPresenceFrames())
                .detail("push p99 ms (before, with churn, after)", List.of(
                        Latencies.millisAt(runs.before().latency(), 99), Latencies.millisAt(during.latency(), 99),
                        Latencies.millisAt(runs.after().latency(), 99)))
                .detail("cores used (before, with churn, after)", List.of(runs.before().cores(), during.cores(),
                        runs.after().cores()))
                .detail("publisher lag ms (before, with churn, after)", List.of(runs.before().publisherLagMs(),
                        during.publisherLagMs(), runs.after().publisherLagMs()));
    }

    /**
     * Frames per leave and per join measured alone (no fan-out, no churn): a few watchers close, the
     * frames settle, they reconnect and set their presence, the frames settle. With churn a rejoin's
     * new socket may be present before the gateway has seen its old one close, which turns its leave
     * and join into two {@code presence.changed}; here each one is counted as what it is.
     */
    private static PresenceTally[] probe(PresenceFleet presence, List<SocketSpec> watchers) {
        int count = Math.max(1, Math.min(10, watchers.size() / 10));
        List<Integer> probed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            probed.add(watchers.get(i * watchers.size() / count).index());
        }
        presence.collect(PresenceFleet.Churned.NONE);
        int left = presence.leave(probed);
        settle(presence, 0);
        PresenceTally leaving = presence.collect(new PresenceFleet.Churned(0, 0, left, 0, 0)).tally();
        int joined = presence.rejoin(probed);
        settle(presence, joined);
        PresenceTally joining = presence.collect(new PresenceFleet.Churned(0, joined, 0, 0, 0)).tally();
        return new PresenceTally[] {leaving, joining};
    }

    /** The watchers: the users after the fan-out's, one socket each, numbered after the fan-out's sockets. */
    private List<SocketSpec> watchers(int firstIndex, int firstUser) {
        List<String> users = context.users(firstUser + sizes.watchers()).subList(firstUser, firstUser
                + sizes.watchers());
        List<SocketSpec> watchers = new ArrayList<>();
        for (String user : users) {
            watchers.add(new SocketSpec(firstIndex + watchers.size(), user, context.tokens().get(user)));
        }
        return watchers;
    }

    /** Waits until every watcher has its snapshot (at least {@code snapshots}) and presence frames stop coming. */
    private static void settle(PresenceFleet presence, int snapshots) {
        long deadline = System.nanoTime() + SETTLE_MAX.toNanos();
        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            PresenceTally now = presence.counts();
            if (now.frames() != last) {
                last = now.frames();
                lastChange = System.nanoTime();
            } else if (now.snapshotFrames() >= snapshots && System.nanoTime() - lastChange > SETTLE_QUIET.toNanos()) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private double gatewayPresenceFrames() {
        return ProcessProbe.metric(context.system().gatewayMetricsUrl(), PRESENCE_FRAMES_METRIC);
    }

    private static Histogram without(Runs runs) {
        Histogram both = runs.before().latency().copy();
        both.add(runs.after().latency());
        return both;
    }

    private static double gatewayCores(FanOutRun.Result run) {
        return run.cores().getOrDefault("gateway", Double.NaN);
    }

    private static Map<String, Long> frames(PresenceTally tally) {
        Map<String, Long> frames = new LinkedHashMap<>();
        frames.put("presence", tally.snapshotFrames());
        frames.put("presence.joined", tally.joinedFrames());
        frames.put("presence.changed", tally.changedFrames());
        frames.put("presence.left", tally.leftFrames());
        frames.put("error", tally.errorFrames());
        return frames;
    }

    private OpenLoopSchedule schedule(List<String> users, double eventsPerSecond, double seconds, int salt) {
        return new OpenLoopSchedule(eventsPerSecond, Math.max(1, (int) (eventsPerSecond * seconds)),
                profile.seed() + salt, users);
    }
}
