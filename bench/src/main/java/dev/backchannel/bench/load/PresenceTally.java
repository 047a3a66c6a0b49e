package dev.backchannel.bench.load;

/**
 * Presence frames the watchers received over some time, beside the churn that caused them.
 *
 * @param open           watchers open at the end
 * @param sets           {@code presence.set} changes the churn sent
 * @param joins          rejoins that reconnected (each also set its presence: one join)
 * @param leaves         watchers that closed to rejoin (one leave each)
 * @param snapshotFrames {@code presence} snapshots received (one per (re)connect)
 * @param joinedFrames   {@code presence.joined} received, by every watcher (the joiner too)
 * @param changedFrames  {@code presence.changed} received
 * @param leftFrames     {@code presence.left} received
 * @param errorFrames    {@code error} frames received (none expected)
 */
public record PresenceTally(long open, long sets, long joins, long leaves, long snapshotFrames, long joinedFrames,
        long changedFrames, long leftFrames, long errorFrames) {

    /** Every presence frame received. */
    public long frames() {
        return snapshotFrames + joinedFrames + changedFrames + leftFrames;
    }

    /**
     * Frames one join costs: the {@code presence.joined} every watcher gets, plus the joiner's own
     * snapshot; about the number of watchers (O(watchers)), NaN without a join.
     */
    public double framesPerJoin() {
        return joins == 0 ? Double.NaN : (joinedFrames + snapshotFrames) / (double) joins;
    }

    /** {@code presence.changed} frames per {@code presence.set}: one per watcher at most. */
    public double framesPerSet() {
        return sets == 0 ? Double.NaN : changedFrames / (double) sets;
    }

    /** {@code presence.left} frames per leave: one per remaining watcher at most. */
    public double framesPerLeave() {
        return leaves == 0 ? Double.NaN : leftFrames / (double) leaves;
    }

    /** The most frames per change that is still O(watchers): each watcher one frame, the joiner its snapshot too. */
    public static double linearBound(int watchers) {
        return watchers + 1.0;
    }
}
