package dev.backchannel.bench.load;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.HdrHistogram.Histogram;

/** Latency histograms in microseconds, and their text form between processes. */
public final class Latencies {

    /** Up to one hour, three significant digits. */
    public static final long HIGHEST_MICROS = 3_600_000_000L;

    private Latencies() {
    }

    public static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    public static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    public static Histogram decode(String text) {
        if (text == null || text.isEmpty()) {
            return newHistogram();
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)),
                    HIGHEST_MICROS);
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalArgumentException("not an encoded histogram", e);
        }
    }

    /** Records {@code micros}, clamped into the histogram's range. */
    public static void record(Histogram histogram, long micros) {
        histogram.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, micros)));
    }

    public static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** Milliseconds at a percentile, or NaN for an empty histogram. */
    public static double millisAt(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN
                : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
