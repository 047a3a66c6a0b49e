package dev.backchannel.bench.scenario;

import dev.backchannel.bench.load.LoadFleet;
import dev.backchannel.bench.publish.EventRange;
import dev.backchannel.bench.publish.OpenLoopSchedule;
import dev.backchannel.bench.publish.StatusInjector;
import dev.backchannel.bench.system.ProcessProbe;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    private static final String FRAMES_PUSHED_METRIC = "backchannel_gateway_frames_pushed_total";
    private static final String CONNECTIONS_OPEN_METRIC = "backchannel_gateway_connections_open";

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
        Expectation expectation = Expectation.of(schedule, windows, slowSockets);
        long expected = expectation.frames();
        StatusInjector injector = switch (side) {
            case GATEWAY -> context.injector();
            case BROKER_FED -> context.baselineInjector();
            case CEILING -> null;
        };
        // the ceiling's baseline numbers its events itself: its runs count every frame, as before
        EventRange range = injector == null ? null : injector.nextRange(schedule);
        if (range == null) {
            fleet.reset();
        } else {
            fleet.reset(range);
        }
        Map<String, Long> pids = context.processes();
        double pushedBefore = side == Side.GATEWAY ? gatewayFramesPushed(context) : Double.NaN;
        CpuSample before = CpuSample.of(pids);
        double publisherLagMs;
        if (injector != null) {
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
        double pushed = side == Side.GATEWAY ? gatewayFramesPushed(context) - pushedBefore : Double.NaN;
        double gatewaySockets = side == Side.GATEWAY
                ? ProcessProbe.metric(context.system().gatewayMetricsUrl(), CONNECTIONS_OPEN_METRIC) : Double.NaN;
        Result result = new Result(schedule, range, expectation, collected,
                after.coresSince(before), after.usedSince(before, side.process), publisherLagMs, pushed, gatewaySockets);
        if (result.missing() > 0 || result.extra() > 0 || result.late().count() > 0) {
            System.out.println("bench: " + side.process + " run " + result.describe());
        }
        return result;
    }

    /** The frames the gateway handed to sockets so far (its own count), NaN when it cannot be read. */
    private static double gatewayFramesPushed(BenchContext context) {
        return ProcessProbe.metric(context.system().gatewayMetricsUrl(), FRAMES_PUSHED_METRIC);
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

    /**
     * The frames a schedule should bring to the fast sockets: in all, of each event, and at each
     * socket index (user-major, {@code windows} per user).
     */
    record Expectation(long frames, int[] perEvent, int[] bySocket) {

        static Expectation of(OpenLoopSchedule schedule, int windows, Set<Integer> slowSockets) {
            int[] users = schedule.userIndexes();
            int[] perEvent = new int[users.length];
            int[] bySocket = new int[schedule.users().size() * windows];
            long frames = 0;
            for (int i = 0; i < users.length; i++) {
                for (int w = 0; w < windows; w++) {
                    int socket = users[i] * windows + w;
                    if (!slowSockets.contains(socket)) {
                        perEvent[i]++;
                        bySocket[socket]++;
                        frames++;
                    }
                }
            }
            return new Expectation(frames, perEvent, bySocket);
        }
    }

    /**
     * What one run delivered. With a {@code range} (its events' ids) only frames of its own events
     * count for it, event by event: {@link #missing} are frames that did not arrive before the run
     * was collected, {@link #extra} frames that arrived more than once, and {@link #late} frames of
     * earlier runs that arrived during this one (counted there, not here). Without a range (the
     * ceiling) every frame counts and only the total is known.
     *
     * @param gatewayFramesPushed the frames the gateway handed to sockets during the run, by its own
     *                            count (NaN: not the gateway, or not known)
     * @param gatewaySocketsOpen  websockets open at the gateway at the end of the run, by its own count
     *                            (push sockets and any others, such as presence watchers; NaN: not known)
     */
    record Result(OpenLoopSchedule schedule, EventRange range, Expectation expected, LoadFleet.Collected collected,
            Map<String, Double> cores, long serverCpuNanos, double publisherLagMs, double gatewayFramesPushed,
            double gatewaySocketsOpen) {

        long expectedFrames() {
            return expected.frames();
        }

        private int[] expectedPerEvent() {
            return expected.perEvent();
        }

        /** Event ids named at most in a description. */
        static final int NAMED = 20;

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
            return expectedFrames() / schedule.durationSeconds();
        }

        /** Server CPU per delivered frame, in microseconds. */
        double cpuMicrosPerFrame() {
            return serverCpuNanos < 0 || frames() == 0 ? Double.NaN : serverCpuNanos / 1000.0 / frames();
        }

        /** Frames of this run's events that did not arrive before it was collected. */
        long missing() {
            int[] receipts = collected.receipts();
            if (receipts == null) {
                return Math.max(0, expectedFrames() - frames());
            }
            long missing = 0;
            for (int i = 0; i < expectedPerEvent().length; i++) {
                missing += Math.max(0, expectedPerEvent()[i] - receiptsOf(receipts, i));
            }
            return missing;
        }

        /** Frames of this run's events that arrived more than once (0 when not known). */
        long extra() {
            int[] receipts = collected.receipts();
            if (receipts == null) {
                return 0;
            }
            long extra = 0;
            for (int i = 0; i < expectedPerEvent().length; i++) {
                extra += Math.max(0, receiptsOf(receipts, i) - expectedPerEvent()[i]);
            }
            return extra;
        }

        /** Frames of earlier runs that arrived after those runs were collected, during this one. */
        LoadFleet.Late late() {
            return collected.late() == null ? LoadFleet.Late.NONE : collected.late();
        }

        /** The first {@link #NAMED} event ids with fewer frames than expected. */
        List<String> missingIds() {
            return ids(true);
        }

        /** The first {@link #NAMED} event ids with more frames than expected. */
        List<String> extraIds() {
            return ids(false);
        }

        /** The first {@link #NAMED} sockets that got fewer of this run's frames than they should have. */
        List<String> shortSockets() {
            int[] got = collected.bySocket();
            List<String> sockets = new ArrayList<>();
            if (got == null) {
                return sockets;
            }
            int[] want = expected.bySocket();
            for (int i = 0; i < want.length && sockets.size() < NAMED; i++) {
                int received = i < got.length ? got[i] : 0;
                if (received < want[i]) {
                    sockets.add("socket " + i + " (" + received + " of " + want[i] + ")");
                }
            }
            return sockets;
        }

        /** Whether {@code eventId} is one of this run's events. */
        boolean owns(String eventId) {
            return range != null && range.contains(eventId);
        }

        /** One line: expected and received frames, and the ids missing, doubled and late. */
        String describe() {
            StringBuilder text = new StringBuilder();
            text.append(range == null ? "(ids not known)" : range.eventId(0) + "+" + range.count())
                    .append(": expected ").append(expectedFrames()).append(" frames, received ").append(frames())
                    .append(", gateway pushed ").append(String.format(java.util.Locale.ROOT, "%.0f", gatewayFramesPushed))
                    .append(", missing ").append(missing()).append(" ").append(missingIds())
                    .append(" at ").append(shortSockets())
                    .append(", extra ").append(extra()).append(" ").append(extraIds())
                    .append(", push sockets open ").append(collected.open()).append(" (gateway: ")
                    .append(String.format(java.util.Locale.ROOT, "%.0f", gatewaySocketsOpen)).append(" with any others)")
                    .append(", closed by the server ").append(collected.closes())
                    .append(", late of earlier runs ").append(late().count()).append(" ")
                    .append(late().named().subList(0, Math.min(5, late().named().size())));
            return text.toString();
        }

        private List<String> ids(boolean fewer) {
            int[] receipts = collected.receipts();
            List<String> ids = new ArrayList<>();
            if (receipts == null || range == null) {
                return ids;
            }
            for (int i = 0; i < expectedPerEvent().length && ids.size() < NAMED; i++) {
                int got = receiptsOf(receipts, i);
                int want = expectedPerEvent()[i];
                if (fewer ? got < want : got > want) {
                    ids.add(range.eventId(i) + " (" + got + " of " + want + ")");
                }
            }
            return ids;
        }

        private static int receiptsOf(int[] receipts, int index) {
            return index < receipts.length ? receipts[index] : 0;
        }
    }
}
