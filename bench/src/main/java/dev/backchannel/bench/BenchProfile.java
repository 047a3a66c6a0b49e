package dev.backchannel.bench;

/**
 * The sizes of one run. {@code quick} keeps the targets' rates but fewer sockets and short runs;
 * {@code full} has the targets' sizes; {@code smoke} is the test's few-second run.
 *
 * @param name               quick, full or smoke
 * @param windows            sockets per user (W)
 * @param capacitySockets    idle sockets on one gateway node (capacity and reconnect storm)
 * @param fanOutUsers        users of the fan-out (U); they hold U x W sockets
 * @param targetFramesPerSec the fan-out rate to hold (delivered frames per second)
 * @param runSeconds         length of each fixed-rate run
 * @param maxRunSeconds      events in the maximum-rate run, in seconds' worth at the target rate
 * @param e2eClients         client-library users sending commands
 * @param e2eCommandsPerSec  commands per second, over all of them
 * @param e2eSeconds         length of the end-to-end run
 * @param slowFraction       share of sockets that stop reading
 * @param stormDeadlineSec   how long the reconnect storm may take before the rest count as failed
 * @param seed               seed of every random choice (users of events, slow sockets, jitter)
 * @param gatewayHeap        -Xmx of the gateway and the baseline
 */
public record BenchProfile(String name, int windows, int capacitySockets, int fanOutUsers, int targetFramesPerSec,
        double runSeconds, double maxRunSeconds, int e2eClients, int e2eCommandsPerSec, double e2eSeconds,
        double slowFraction, int stormDeadlineSec, long seed, String gatewayHeap) {

    public static BenchProfile named(String name) {
        return switch (name) {
            case "quick" -> new BenchProfile("quick", 5, 2_000, 200, 40_000, 2, 1, 4, 40, 6, 0.05, 30, 42, "1g");
            case "full" -> new BenchProfile("full", 5, 19_000, 2_000, 40_000, 15, 3, 10, 100, 30, 0.05, 60, 42, "1g");
            case "smoke" -> new BenchProfile("smoke", 2, 40, 10, 1_000, 0.5, 0.5, 2, 10, 1, 0.1, 20, 42, "256m");
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
