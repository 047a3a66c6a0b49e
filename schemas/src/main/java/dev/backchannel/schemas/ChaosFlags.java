package dev.backchannel.schemas;

/** Faults injected on purpose, and the delivery delay range of the commands queue. */
public record ChaosFlags(double apiErrorRate, DelayRange queueDelayMs, double processorFailureRate,
        double processorCrashRate, double publishFailureRate, double gatewayDisconnectRate) {

    /** Delivery delay range in milliseconds. */
    public record DelayRange(long min, long max) {
    }

    /** No faults, with the given delay range. */
    public static ChaosFlags calm(long minDelayMs, long maxDelayMs) {
        return new ChaosFlags(0, new DelayRange(minDelayMs, maxDelayMs), 0, 0, 0, 0);
    }
}
