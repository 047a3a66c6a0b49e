package dev.backchannel.gateway.replay;

import static dev.backchannel.gateway.StatusEvents.commandOutcomeFor;
import static dev.backchannel.gateway.StatusEvents.fromSource;
import static dev.backchannel.gateway.StatusEvents.itemChangedBy;
import static dev.backchannel.gateway.StatusEvents.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.backchannel.gateway.EventCursor;
import dev.backchannel.gateway.StatusUpdate;
import dev.backchannel.schemas.Frame;
import dev.backchannel.schemas.StatusEvent;
import dev.backchannel.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final ReplayWindow window = new ReplayWindow(Duration.ofMinutes(5), 3, 3, clock);

    @Test
    void replaysTheUsersAndTopicsEventsAfterLastEventIdInIdOrderOnce() {
        window.record(update(commandOutcomeFor("alice", id(1))));
        window.record(update(commandOutcomeFor("alice", id(2))));
        window.record(update(itemChangedBy("bob", id(3))));
        window.record(update(commandOutcomeFor("bob", id(4))));
        window.record(update(new StatusEvent(id(5), clock.instant(), "alice", Topics.ITEMS,
                itemChangedBy("alice", id(5)).payload())));

        Replay replay = window.replay("alice", Set.of(Topics.ITEMS), id(1));

        assertThat(replay.complete()).isTrue();
        assertThat(replay.events()).extracting(StatusUpdate::eventId).containsExactly(id(2), id(3), id(5));
    }

    @Test
    void eachSourceIsReplayedAfterItsOwnEntryOfTheCursor() {
        window.record(update(commandOutcomeFor("alice", id(1))));
        window.record(update(fromSource("reports", "alice", ulid(1))));
        window.record(update(commandOutcomeFor("alice", id(2))));
        window.record(update(fromSource("reports", "alice", ulid(2))));

        Replay replay = window.replay("alice", Set.of(), EventCursor.of(Map.of("processor", id(1), "reports", ulid(1))));

        assertThat(replay.complete()).isTrue();
        assertThat(replay.events()).extracting(StatusUpdate::source, StatusUpdate::eventId).containsExactly(
                tuple("processor", id(2)), tuple("reports", ulid(2)));
    }

    @Test
    void aSourceTheCursorDoesNotNameIsReplayedWithAllTheWindowHoldsOfIt() {
        window.record(update(commandOutcomeFor("alice", id(1))));
        window.record(update(fromSource("reports", "alice", ulid(1))));
        window.record(update(commandOutcomeFor("alice", id(2))));

        Replay replay = window.replay("alice", Set.of(), id(1));

        assertThat(replay.events()).extracting(StatusUpdate::eventId).containsExactly(id(2), ulid(1));
    }

    @Test
    void anIdFromTheFutureOfAnotherSourceNeverAgesTheDefaultSourceOut() {
        // a ULID sorts after every processor id; once it ages out it must not make them all "too old"
        window.record(update(fromSource("reports", "alice", ulid(1))));
        clock.advance(Duration.ofMinutes(6));
        window.record(update(commandOutcomeFor("alice", id(5))));
        window.record(update(commandOutcomeFor("alice", id(6))));

        Replay replay = window.replay("alice", Set.of(), id(5));

        assertThat(replay.complete()).as(replay.reason()).isTrue();
        assertThat(replay.events()).extracting(StatusUpdate::eventId).containsExactly(id(6));
    }

    @Test
    void resumeFromAnIdBeyondAnythingThisNodeConsumedIsAnUnknownIdAndGetsReset() {
        window.record(update(commandOutcomeFor("alice", id(5))));

        Replay replay = window.replay("alice", Set.of(), id(900));

        assertThat(replay.complete()).isFalse();
        assertThat(replay.reason()).contains("unknown");
    }

    @Test
    void resumeNamingASourceThisNodeNeverSawGetsReset() {
        window.record(update(commandOutcomeFor("alice", id(5))));

        Replay replay = window.replay("alice", Set.of(), EventCursor.of(Map.of("processor", id(5), "reports", ulid(1))));

        assertThat(replay.complete()).isFalse();
        assertThat(replay.reason()).contains("reports");
    }

    @Test
    void topicEventsAreReplayedOnlyToSocketsFollowingTheTopic() {
        window.record(update(commandOutcomeFor("alice", id(1))));
        window.record(update(itemChangedBy("bob", id(2))));

        assertThat(window.replay("alice", Set.of(), id(1)).events()).isEmpty();
    }

    @Test
    void commandOutcomeNamingATopicIsReplayedOnlyToItsUser() {
        window.record(update(commandOutcomeFor("bob", id(1))));
        Frame outcome = commandOutcomeFor("alice", id(2)).payload();
        window.record(update(new StatusEvent(id(2), clock.instant(), "alice", Topics.ITEMS, outcome)));

        assertThat(window.replay("bob", Set.of(Topics.ITEMS), id(1)).events()).isEmpty();
        assertThat(window.replay("alice", Set.of(), id(1)).events()).extracting(StatusUpdate::eventId)
                .containsExactly(id(2));
    }

    @Test
    void freshNodeThatSawNothingCannotVouchForAnything() {
        assertThat(window.replay("alice", Set.of(), id(1)).complete()).isFalse();
    }

    @Test
    void resumeFromBeforeTheFirstEventThisNodeSawIsTooOld() {
        window.record(update(commandOutcomeFor("alice", id(10))));

        Replay replay = window.replay("alice", Set.of(), id(5));

        assertThat(replay.complete()).isFalse();
        assertThat(replay.reason()).contains("started after");
    }

    @Test
    void resumeFromTheEventRightBeforeTheFirstOneSeenIsComplete() {
        window.record(update(commandOutcomeFor("alice", id(10))));

        Replay replay = window.replay("alice", Set.of(), id(9));

        assertThat(replay.complete()).isTrue();
        assertThat(replay.events()).extracting(StatusUpdate::eventId).containsExactly(id(10));
    }

    @Test
    void resumeFromAnEventEvictedForRoomIsTooOldButALaterOneStillResumes() {
        for (int i = 1; i <= 5; i++) {
            window.record(update(commandOutcomeFor("alice", id(i))));
        }

        assertThat(window.replay("alice", Set.of(), id(1)).complete()).isFalse();
        assertThat(window.replay("alice", Set.of(), id(2)).events()).extracting(StatusUpdate::eventId)
                .containsExactly(id(3), id(4), id(5));
    }

    @Test
    void evictionForRoomInAnotherUsersHistoryDoesNotAffectThisUser() {
        window.record(update(commandOutcomeFor("alice", id(1))));
        for (int i = 2; i <= 9; i++) {
            window.record(update(commandOutcomeFor("bob", id(i))));
        }

        assertThat(window.replay("alice", Set.of(), id(1)).complete()).isTrue();
    }

    @Test
    void resumeFromAnEventOlderThanMaxAgeIsTooOld() {
        window.record(update(commandOutcomeFor("alice", id(1))));
        window.record(update(commandOutcomeFor("bob", id(2))));
        clock.advance(Duration.ofMinutes(4));
        window.record(update(commandOutcomeFor("alice", id(3))));
        clock.advance(Duration.ofMinutes(2));

        assertThat(window.replay("alice", Set.of(), id(1)).complete()).isFalse();
        assertThat(window.replay("alice", Set.of(), id(2)).events()).extracting(StatusUpdate::eventId)
                .containsExactly(id(3));
        assertThat(window.retainedForUser("bob")).isZero();
    }

    @Test
    void redeliveredEventIsKeptOnce() {
        StatusEvent event = commandOutcomeFor("alice", id(2));
        window.record(update(commandOutcomeFor("alice", id(1))));
        window.record(update(event));
        window.record(update(event));

        assertThat(window.replay("alice", Set.of(), id(1)).events()).hasSize(1);
        assertThat(window.retainedForUser("alice")).isEqualTo(2);
    }

    /** An id of another producer: ULID-like, sorting after every processor id. */
    private static String ulid(long sequence) {
        return "01J" + String.format("%023d", sequence);
    }

    private static String id(long sequence) {
        return String.format("%020d", sequence);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
