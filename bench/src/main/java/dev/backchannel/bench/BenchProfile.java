package dev.backchannel.bench;

import java.util.List;

/**
 * The sizes of one run. {@code quick} keeps the targets' rates and the fan-out's 5,000 sockets but
 * short runs; {@code full} has the targets' sizes (19,000 sockets); {@code smoke} is the test's
 * few-second run.
 *
 * @param name               quick, full or smoke
 * @param windows            sockets per user (W)
 * @param capacitySockets    idle sockets on one gateway node (capacity, connect rate, reconnect storm)
 * @param fanOutUsers        users of the fan-out (U); they hold U x W sockets
 * @param targetFramesPerSec the fan-out latency point (delivered frames per second)
 * @param runSeconds         length of each fixed-rate run
 * @param maxRunSeconds      length of the saturation run (offered at four times the target rate)
 * @param e2eClients         client-library users sending commands
 * @param e2eRates           the command path's rising rates, commands per second over all clients
 * @param e2eSeconds         length of each command-path run
 * @param slowFraction       share of sockets that stop reading
 * @param stormDeadlineSec   how long the reconnect storm may take before the rest count as failed
 * @param seed               seed of every random choice (users of events, slow sockets, jitter)
 * @param gatewayHeap        -Xmx of the gateway and the baseline
 * @param presence           the presence scenario's sizes
 */
public record BenchProfile(String name, int windows, int capacitySockets, int fanOutUsers, int targetFramesPerSec,
        double runSeconds, double maxRunSeconds, int e2eClients, List<Integer> e2eRates, double e2eSeconds,
        double slowFraction, int stormDeadlineSec, long seed, String gatewayHeap, Presence presence) {

    /**
     * The presence scenario: {@code watchers} v2 sockets (one user each) on one record's topic, and
     * churn at fixed rates beside the fan-out.
     *
     * @param pushFramesPerSec the fan-out's rate beside the churn: half the target rate, where the push path
     *                         has headroom on 2 cores, so the runs show what presence costs it rather than
     *                         where the cores run out
     * @param watchers         sockets watching the record
     * @param setsPerSecond    {@code presence.set} changes per second, over all watchers
     * @param rejoinsPerSecond watchers per second that close and reconnect (a leave and a join each)
     * @param seconds          length of each fan-out run (without churn, with churn, without again)
     */
    public record Presence(int pushFramesPerSec, int watchers, double setsPerSecond, double rejoinsPerSecond, double seconds) {
    }


    public static BenchProfile named(String name) {
        return switch (name) {
            case "quick" -> new BenchProfile("quick", 2, 5_000, 2_500, 8_000, 3, 2, 8,
                    List.of(100, 250, 500, 1_000, 2_000, 3_000), 3, 0.05, 30, 42, "1g",
                    new Presence(4_000, 100, 20, 4, 5));
            case "full" -> new BenchProfile("full", 2, 19_000, 2_500, 8_000, 10, 5, 16,
                    List.of(100, 250, 500, 1_000, 1_500, 2_000, 2_500, 3_000, 4_000), 10, 0.05, 60, 42, "1g",
                    new Presence(4_000, 500, 10, 2, 15));
            case "smoke" -> new BenchProfile("smoke", 2, 40, 10, 1_000, 0.5, 0.5, 2, List.of(10, 20), 1, 0.1, 20, 42,
                    "256m", new Presence(500, 10, 10, 2, 1));
            default -> throw new IllegalArgumentException("no such run: " + name + " (quick, full or smoke)");
        };
    }

    public int fanOutSockets() {
        return fanOutUsers * windows;
    }

    public int capacityUsers() {
        return (capacitySockets + windows - 1) / windows;
    }
}
