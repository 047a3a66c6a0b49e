package dev.backchannel.bench.publish;

import java.util.List;
import java.util.SplittableRandom;

/**
 * An open-loop plan: event {@code i} is due {@code i / rate} seconds after the start, whatever the
 * system under test does, for a user drawn from a seeded random sequence. The publisher stamps each
 * event with its due time, so a server that falls behind shows up as latency and cannot slow the
 * sender down (no coordinated omission). The gateway run and the baseline run use the same plan.
 *
 * @param ratePerSecond events per second
 * @param count         events in the run
 * @param seed          seed of the user sequence; {@link #IN_TURN} names every user in turn instead
 * @param users         the users events are for
 */
public record OpenLoopSchedule(double ratePerSecond, int count, long seed, List<String> users) {

    /** The seed that makes event {@code i} go to user {@code i % users}. */
    public static final long IN_TURN = -1;

    public OpenLoopSchedule {
        if (ratePerSecond <= 0 || count < 0 || users.isEmpty()) {
            throw new IllegalArgumentException("need a positive rate, a count and users");
        }
        users = List.copyOf(users);
    }

    /** One event for every user, in turn. */
    public static OpenLoopSchedule eachUserOnce(List<String> users, double ratePerSecond) {
        return new OpenLoopSchedule(ratePerSecond, users.size(), IN_TURN, users);
    }

    /** Nanoseconds after the start at which event {@code index} is due. */
    public long dueNanos(int index) {
        return (long) (index * 1_000_000_000.0 / ratePerSecond);
    }

    /** The user of every event, in order (the same for every run with this seed). */
    public int[] userIndexes() {
        SplittableRandom random = new SplittableRandom(seed);
        int[] indexes = new int[count];
        for (int i = 0; i < count; i++) {
            indexes[i] = seed == IN_TURN ? i % users.size() : random.nextInt(users.size());
        }
        return indexes;
    }

    /** How long publishing takes, in seconds. */
    public double durationSeconds() {
        return count / ratePerSecond;
    }
}
