package dev.backchannel.desktop.receipts;

import dev.backchannel.client.receipts.Receipt;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.Timing;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * When a command was sent, accepted, processed and pushed: the first as a clock time, the others
 * as the time since it was sent, so the delay (and retries) show: {@code sent 17:02:01.120 ·
 * accepted +35 ms · processed +1.52 s · pushed +1.55 s}. Hops not known yet are left out.
 */
public final class ReceiptTimeline {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private ReceiptTimeline() {
    }

    public static String describe(Receipt receipt, Instant sentAt, ZoneId zone) {
        List<String> steps = new ArrayList<>();
        Instant start = sentAt;
        if (sentAt != null) {
            steps.add("sent " + CLOCK.format(sentAt.atZone(zone)));
        }
        Timing timing = timingOf(receipt.outcome());
        Instant acceptedAt = receipt.accepted() != null ? receipt.accepted().acceptedAt()
                : timing != null ? timing.acceptedAt() : null;
        if (start == null && acceptedAt != null) {
            start = acceptedAt;
            steps.add("accepted " + CLOCK.format(acceptedAt.atZone(zone)));
        } else {
            add(steps, "accepted", start, acceptedAt);
        }
        if (timing != null) {
            if (timing.deliveryCount() != null && timing.deliveryCount() > 1) {
                steps.add("delivered " + timing.deliveryCount() + "×");
            }
            add(steps, "processed", start, timing.processedAt());
            add(steps, "pushed", start, timing.pushedAt());
        }
        return String.join(" · ", steps);
    }

    private static Timing timingOf(Frame.CommandOutcome outcome) {
        if (outcome instanceof Frame.CommandSucceeded succeeded) {
            return succeeded.timing();
        }
        return outcome instanceof Frame.CommandFailed failed ? failed.timing() : null;
    }

    private static void add(List<String> steps, String hop, Instant start, Instant at) {
        if (at == null) {
            return;
        }
        steps.add(start == null ? hop + " " + CLOCK.format(at.atZone(ZoneId.systemDefault()))
                : hop + " +" + elapsed(Duration.between(start, at)));
    }

    /** "35 ms", "1.52 s", "2 min 3 s". */
    static String elapsed(Duration duration) {
        long ms = Math.max(0, duration.toMillis());
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.2f s", ms / 1000.0);
        }
        return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
    }
}
