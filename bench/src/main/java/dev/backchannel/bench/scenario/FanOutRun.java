package dev.backchannel.bench.scenario;

import dev.backchannel.bench.load.LoadFleet;
import dev.backchannel.bench.publish.OpenLoopSchedule;
import dev.backchannel.bench.publish.StatusInjector;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * One open-loop fan-out run against the gateway (events injected onto {@code status}) or the
 * baseline (which publishes the same plan itself): publishes, waits until every frame arrived (or
 * frames stop coming), and collects what the load generator measured.
 */
final class FanOutRun {

    /**
     * Who is measured: the gateway (events onto {@code status}); the broker-fed baseline (the same
     * events onto its own address on the same broker); the ceiling (the baseline publishing the plan
     * itself, no broker).
     */
    enum Side {
        GATEWAY("gateway"), BROKER_FED("baseline"), CEILING("baseline");

        private final String process;

        Side(String process) {
            this.process = process;
        }
    }

    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration MIN_DRAIN = Duration.ofSeconds(10);
    private static final Duration MAX_DRAIN = Duration.ofSeconds(90);

    private FanOutRun() {
    }

    /**
     * @param windows     sockets per user on this side
     * @param slowSockets sockets (by index, user-major with {@code windows} per user) that stopped reading
     */
    static Result run(BenchContext context, Side side, OpenLoopSchedule schedule, int windows, Set<Integer> slowSockets) {
        return run(context, side, schedule, windows, slowSockets, Double.NaN);
    }

    /**
     * @param knownRate frames per second this side delivered at most so far (NaN: not known); an
     *                  overloaded run gets the time its backlog needs to arrive, up to 90 s
     */
    static Result run(BenchContext context, Side side, OpenLoopSchedule schedule, int windows, Set<Integer> slowSockets,
            double knownRate) {
        LoadFleet fleet = context.fleet();
        long expected = expectedFastFrames(schedule, windows, slowSockets);
        fleet.reset();
        Map<String, Long> pids = context.processes();
        CpuSample before = CpuSample.of(pids);
        double publisherLagMs;
        if (side != Side.CEILING) {
            StatusInjector injector = side == Side.GATEWAY ? context.injector() : context.baselineInjector();
            StatusInjector.Outcome outcome = injector
                    .publish(schedule, Duration.ofMillis(200), Duration.ofSeconds(30)).join();
            publisherLagMs = outcome.maxLagMillis();
        } else {
            JsonObject answer = CompletableFuture.supplyAsync(() -> context.baseline().emit(schedule)).join();
            publisherLagMs = answer.getDouble("maxLagMillis");
        }
        awaitFrames(fleet, expected, drainTime(expected, knownRate));
        CpuSample after = CpuSample.of(pids);
        LoadFleet.Collected collected = fleet.collect();
        return new Result(schedule, expected, collected, after.coresSince(before),
                after.usedSince(before, side.process), publisherLagMs);
    }

    private static Duration drainTime(long expected, double knownRate) {
        if (Double.isNaN(knownRate) || knownRate <= 0) {
            return MIN_DRAIN;
        }
        Duration needed = Duration.ofMillis((long) (expected / knownRate * 1500)).plus(MIN_DRAIN);
        return needed.compareTo(MAX_DRAIN) > 0 ? MAX_DRAIN : needed;
    }

    private static void awaitFrames(LoadFleet fleet, long expected, Duration drain) {
        long deadline = System.nanoTime() + drain.toNanos();
        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = fleet.counts().fastFrames();
            if (now >= expected) {
                return;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > QUIET.toNanos()) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    static long expectedFastFrames(OpenLoopSchedule schedule, int windows, Set<Integer> slowSockets) {
        long frames = 0;
        for (int user : schedule.userIndexes()) {
            for (int w = 0; w < windows; w++) {
                if (!slowSockets.contains(user * windows + w)) {
                    frames++;
                }
            }
        }
        return frames;
    }

    /** What one run delivered. */
    record Result(OpenLoopSchedule schedule, long expectedFrames, LoadFleet.Collected collected,
            Map<String, Double> cores, long serverCpuNanos, double publisherLagMs) {

        Histogram latency() {
            return collected.fastLatency();
        }

        long frames() {
            return collected.fastFrames();
        }

        /** Frames received per second, first receipt to last. */
        double framesPerSecond() {
            double seconds = (collected.lastReceiptMicros() - collected.firstReceiptMicros()) / 1e6;
            return seconds <= 0 ? Double.NaN : frames() / seconds;
        }

        double offeredFramesPerSecond() {
            return expectedFrames / schedule.durationSeconds();
        }

        /** Server CPU per delivered frame, in microseconds. */
        double cpuMicrosPerFrame() {
            return serverCpuNanos < 0 || frames() == 0 ? Double.NaN : serverCpuNanos / 1000.0 / frames();
        }

        long missing() {
            return Math.max(0, expectedFrames - frames());
        }
    }
}
