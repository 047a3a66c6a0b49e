package dev.backchannel.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PresenceTallyTest {

    @Test
    void shouldCountTheJoinedFramesOfEveryWatcherAndTheJoinersSnapshotPerJoin() {
        // 4 rejoins among 100 watchers: each presence.joined reaches the 100 watchers, each joiner gets its snapshot
        PresenceTally tally = new PresenceTally(100, 50, 4, 4, 4, 400, 4_950, 396, 0);

        assertThat(tally.framesPerJoin()).isEqualTo(101.0);
        assertThat(tally.framesPerJoin()).isLessThanOrEqualTo(PresenceTally.linearBound(100));
        assertThat(tally.framesPerSet()).isEqualTo(99.0);
        assertThat(tally.framesPerLeave()).isEqualTo(99.0);
        assertThat(tally.frames()).isEqualTo(4 + 400 + 4_950 + 396);
    }

    @Test
    void shouldExceedTheLinearBoundWhenEveryJoinReachesEveryWatcherWithAWholeSnapshot() {
        // a gateway that sent every watcher a fresh snapshot on each join: watchers² frames per join in members
        PresenceTally quadratic = new PresenceTally(100, 0, 2, 0, 200, 200, 0, 0, 0);

        assertThat(quadratic.framesPerJoin()).isGreaterThan(PresenceTally.linearBound(100));
    }

    @Test
    void shouldNotInventARatioWithoutChurn() {
        PresenceTally quiet = new PresenceTally(100, 0, 0, 0, 0, 0, 0, 0, 0);

        assertThat(quiet.framesPerJoin()).isNaN();
        assertThat(quiet.framesPerSet()).isNaN();
        assertThat(quiet.framesPerLeave()).isNaN();
    }
}
