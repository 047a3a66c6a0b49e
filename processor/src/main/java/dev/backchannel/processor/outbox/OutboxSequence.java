package dev.backchannel.processor.outbox;

import java.util.TreeSet;

/**
 * Hands out outbox sequence numbers without a database lock, and knows up to where every number
 * handed out belongs to a finished transaction, so that the relay publishes in commit order.
 *
 * <p>Before, every transaction bumped the one row of {@code outbox_sequence} and held its lock until
 * commit: ids followed commit order, but the processor's consumers committed one after another and
 * could not share H2's store of a commit. Now numbers come from this counter (started after the
 * highest number on disk) and may commit out of order; {@link #settledBelow()} is the lowest number
 * still in an open transaction, and the relay never publishes at or above it. A rolled-back
 * transaction leaves a gap (event ids stay increasing, not always consecutive; the gateway then
 * answers such a resume with {@code reset}, never with a silent gap).
 *
 * <p>One processor per database: the counter and the open transactions live in this process. Several
 * processors on one database need the numbers from a database sequence and a shared view of open
 * transactions (see {@code docs/performance-command-path.md}).
 */
public final class OutboxSequence {

    /** The first number of every range in an open transaction. Guarded by {@code this}. */
    private final TreeSet<Long> open = new TreeSet<>();
    private long last;

    public OutboxSequence(long lastOnDisk) {
        this.last = lastOnDisk;
    }

    /** Takes {@code count} numbers for a transaction; returns the first. Call {@link #finished} when it ends. */
    public synchronized long reserve(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive, was " + count);
        }
        long first = last + 1;
        last += count;
        open.add(first);
        return first;
    }

    /** The transaction that reserved from {@code first} committed or rolled back. */
    public synchronized void finished(long first) {
        open.remove(first);
    }

    /** Every number below this was reserved by a transaction that has ended (or never handed out). */
    public synchronized long settledBelow() {
        return open.isEmpty() ? last + 1 : open.first();
    }
}
