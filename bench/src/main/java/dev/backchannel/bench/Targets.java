package dev.backchannel.bench;

/** The targets of issue 10 (2 cores; broker, services and load generator on one machine). */
public final class Targets {
    public static final int CONNECTIONS = 19_000;
    public static final double BYTES_PER_CONNECTION = 8 * 1024;
    public static final int FAN_OUT_FRAMES_PER_SECOND = 40_000;
    public static final double FAN_OUT_P99_MS = 100;
    public static final double FAN_OUT_SHARE_OF_BASELINE = 0.40;
    public static final double HALF_RATE_P50_MS = 2;
    public static final double HALF_RATE_P99_MS = 10;
    public static final double STORM_SECONDS = 5;
    public static final double SLOW_CONSUMER_P99_FACTOR = 1.5;

    private Targets() {
    }
}
