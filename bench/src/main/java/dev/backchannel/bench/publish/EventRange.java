package dev.backchannel.bench.publish;

/**
 * The event ids of one run: {@code count} bench sequences from {@code first} ({@link BenchEvents#eventId}).
 * A load worker counts a frame for the run only when its id is in the run's range; any other
 * {@code command.succeeded} frame is late (of an earlier run) and counted as such, never as the run's.
 */
public record EventRange(long first, int count) {

    public EventRange {
        if (first < 0 || count < 0) {
            throw new IllegalArgumentException("need a non-negative first sequence and count");
        }
    }

    /** The index of {@code eventId} in this range, or -1 when it is not one of this run's ids. */
    public int indexOf(String eventId) {
        long sequence = BenchEvents.sequenceOf(eventId);
        if (sequence < first || sequence >= first + count) {
            return -1;
        }
        return (int) (sequence - first);
    }

    public boolean contains(String eventId) {
        return indexOf(eventId) >= 0;
    }

    public String eventId(int index) {
        return BenchEvents.eventId(first + index);
    }
}
