package dev.backchannel.bench;

/** The targets of the push-path issue (2 cores; broker, services and load generator on one machine). */
public final class Targets {
    public static final int CONNECTIONS = 19_000;
    public static final double BYTES_PER_CONNECTION = 8 * 1024;
    /** RSS per socket at most this many times the baseline's. */
    public static final double RSS_FACTOR_OF_BASELINE = 1.5;
    /** The fan-out latency point: frames per second on 5,000 sockets. */
    public static final int FAN_OUT_FRAMES_PER_SECOND = 8_000;
    public static final double FAN_OUT_P50_MS = 2;
    public static final double FAN_OUT_P99_MS = 25;
    /** Saturation at least this share of the broker-fed baseline's. */
    public static final double SATURATION_SHARE_OF_BASELINE = 1.0;
    /** Under twice the saturation rate, goodput at least this share of saturation. */
    public static final double OVERLOAD_GOODPUT_SHARE = 0.9;
    public static final double CONNECT_TIME_FACTOR_OF_BASELINE = 2;
    public static final double STORM_SECONDS = 10;
    public static final double SLOW_CONSUMER_P99_FACTOR = 1.5;
    /** Presence churn beside the fan-out: the push path's p99 at most this many times its p99 without churn. */
    public static final double PRESENCE_PUSH_P99_FACTOR = 1.5;
    /** The command path: sustained rate, and the latencies at the reported rate. */
    public static final int COMMANDS_PER_SECOND = 2_000;
    public static final int COMMAND_REPORT_RATE = 500;
    public static final double ACCEPTED_P99_MS = 30;
    public static final double COMMAND_TO_FRAME_P50_MS = 25;
    public static final double COMMAND_TO_FRAME_P99_MS = 100;

    private Targets() {
    }
}
