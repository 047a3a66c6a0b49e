package dev.backchannel.bench.load;

import dev.backchannel.bench.publish.EventRange;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * How often each event of the current run ({@link EventRange}) reached this worker's fast sockets.
 * Open from the run's reset until its collect: a frame of the run that arrives after its collect is
 * late, not the run's. Thread-safe (frames arrive on the event loops, reset and collect come from stdin).
 */
final class RunReceipts {

    private final EventRange range;
    private final AtomicIntegerArray receipts;
    private final AtomicIntegerArray bySocket;
    private volatile boolean open = true;

    /** @param sockets one more than the highest socket index of this worker */
    RunReceipts(EventRange range, int sockets) {
        this.range = range;
        this.receipts = new AtomicIntegerArray(range.count());
        this.bySocket = new AtomicIntegerArray(sockets);
    }

    /** Counts the frame for the run and returns true, or returns false when it is not the open run's. */
    boolean record(String eventId, int socket) {
        if (!open || eventId == null) {
            return false;
        }
        int index = range.indexOf(eventId);
        if (index < 0) {
            return false;
        }
        receipts.incrementAndGet(index);
        if (socket >= 0 && socket < bySocket.length()) {
            bySocket.incrementAndGet(socket);
        }
        return true;
    }

    /** The run's frames at each socket index (0 for the sockets of other workers), base64 of 16-bit counts. */
    String encodeBySocket() {
        byte[] bytes = new byte[bySocket.length() * 2];
        for (int i = 0; i < bySocket.length(); i++) {
            int count = Math.min(0xffff, bySocket.get(i));
            bytes[2 * i] = (byte) (count >> 8);
            bytes[2 * i + 1] = (byte) count;
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    static int[] decodeBySocket(String text) {
        byte[] bytes = Base64.getDecoder().decode(text);
        int[] counts = new int[bytes.length / 2];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        return counts;
    }

    EventRange range() {
        return range;
    }

    /** The run is collected: later frames of it are late. */
    void close() {
        open = false;
    }

    /** One byte per event (receipts, at most 255), base64. */
    String encode() {
        byte[] bytes = new byte[receipts.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Math.min(255, receipts.get(i));
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    static int[] decode(String text) {
        byte[] bytes = Base64.getDecoder().decode(text);
        int[] counts = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            counts[i] = bytes[i] & 0xff;
        }
        return counts;
    }
}
