package dev.backchannel.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backchannel.bench.load.Latencies;
import dev.backchannel.bench.load.LoadFleet;
import dev.backchannel.bench.publish.EventRange;
import dev.backchannel.bench.publish.OpenLoopSchedule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FanOutRunResultTest {

    private static final List<String> USERS = List.of("u0", "u1", "u2");
    private static final OpenLoopSchedule FOUR_EVENTS = new OpenLoopSchedule(100, 4, OpenLoopSchedule.IN_TURN, USERS);
    private static final EventRange RANGE = new EventRange(1_000, 4);

    @Test
    void shouldNotLetAFrameReceivedTwiceHideAMissingOne() {
        // event 1 lost at one window, event 2 received three times: the total matches, the events do not
        FanOutRun.Result run = new FanOutRun.Result(FOUR_EVENTS, RANGE, FanOutRun.Expectation.of(FOUR_EVENTS, 2, Set.of()),
                collected(new int[] {2, 1, 3, 2}, new int[] {2, 2, 1, 0, 2, 1}, LoadFleet.Late.NONE), Map.of(), -1, 0,
                8, Double.NaN);

        assertThat(run.frames()).isEqualTo(run.expectedFrames());
        assertThat(run.missing()).isEqualTo(1);
        assertThat(run.extra()).isEqualTo(1);
        assertThat(run.missingIds()).containsExactly(RANGE.eventId(1) + " (1 of 2)");
        assertThat(run.extraIds()).containsExactly(RANGE.eventId(2) + " (3 of 2)");
        assertThat(run.shortSockets()).containsExactly("socket 3 (0 of 1)");
        assertThat(run.describe()).contains("gateway pushed 8", "missing 1");
    }

    @Test
    void shouldExpectNoFramesAtPausedSocketsAndNameTheLateFramesOfEarlierRuns() {
        // socket 1 (user 0's second window) is paused: event 0 and event 3 (user 0 again) bring one frame each
        FanOutRun.Expectation expected = FanOutRun.Expectation.of(FOUR_EVENTS, 2, Set.of(1));
        LoadFleet.Late late = new LoadFleet.Late(Map.of("900", 1L),
                List.of(new LoadFleet.LateFrame("00000000000000000950", 3, 2_500)));
        FanOutRun.Result run = new FanOutRun.Result(FOUR_EVENTS, RANGE, expected,
                collected(new int[] {1, 2, 2, 1}, new int[] {2, 0, 1, 1, 1, 1}, late), Map.of(), -1, 0, 6, Double.NaN);

        assertThat(expected.perEvent()).containsExactly(1, 2, 2, 1);
        assertThat(expected.bySocket()).containsExactly(2, 0, 1, 1, 1, 1);
        assertThat(expected.frames()).isEqualTo(6);
        assertThat(run.shortSockets()).isEmpty();
        assertThat(run.missing()).isZero();
        assertThat(run.late().of(new EventRange(900, 100))).isEqualTo(1);
        assertThat(run.late().of(RANGE)).isZero();
        assertThat(run.describe()).contains("missing 0", "late of earlier runs 1", "00000000000000000950");
    }

    @Test
    void shouldPutALateFrameDownToItsOwnRunWhereverItArrived() {
        PushFrameLedger ledger = new PushFrameLedger();
        FanOutRun.Result before = ledger.add("before", result(new int[] {2, 2, 2, 1}, LoadFleet.Late.NONE));
        EventRange next = new EventRange(RANGE.first() + RANGE.count(), 4);
        ledger.add("during", new FanOutRun.Result(FOUR_EVENTS, next, FanOutRun.Expectation.of(FOUR_EVENTS, 2, Set.of()),
                collected(new int[] {2, 2, 2, 2}, null, new LoadFleet.Late(Map.of(String.valueOf(RANGE.first()), 1L),
                        List.of(new LoadFleet.LateFrame(RANGE.eventId(3), 7, 4_000)))), Map.of(), -1, 0, 8, Double.NaN));
        ledger.lateAfterTheRuns(new LoadFleet.Late(Map.of(String.valueOf(next.first()), 2L), List.of()));

        assertThat(before.missing()).isEqualTo(1);
        assertThat(ledger.lateOf("before")).isEqualTo(1);
        assertThat(ledger.lateOf("during")).isEqualTo(2);
        assertThat(ledger.lateOf("before", "during")).isEqualTo(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> beforeLine = (Map<String, Object>) ledger.describe().get("before");
        assertThat(beforeLine).containsEntry("missing", 1L).containsEntry("late, arrived in", Map.of("during", 1L));
    }

    private static FanOutRun.Result result(int[] receipts, LoadFleet.Late late) {
        return new FanOutRun.Result(FOUR_EVENTS, RANGE, FanOutRun.Expectation.of(FOUR_EVENTS, 2, Set.of()),
                collected(receipts, null, late), Map.of(), -1, 0, Double.NaN, Double.NaN);
    }

    private static LoadFleet.Collected collected(int[] receipts, int[] bySocket, LoadFleet.Late late) {
        long frames = 0;
        for (int r : receipts) {
            frames += r;
        }
        return new LoadFleet.Collected(frames, 0, Latencies.newHistogram(), Latencies.newHistogram(), 0, 0, Map.of(),
                receipts, bySocket, late, 6);
    }
}
