package dev.backchannel.bench.scenario;

import dev.backchannel.bench.load.LoadFleet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The push runs of one session by name, so that every frame is put down to its own run: a frame
 * that arrives after its run was collected is counted late for that run (wherever it arrived: in a
 * later run, or after the last one), never as a frame of the run it arrived in.
 */
final class PushFrameLedger {

    private final Map<String, FanOutRun.Result> runs = new LinkedHashMap<>();
    private LoadFleet.Late afterTheRuns = LoadFleet.Late.NONE;

    FanOutRun.Result add(String name, FanOutRun.Result run) {
        runs.put(name, run);
        return run;
    }

    /** Late frames that arrived after the last run was collected. */
    void lateAfterTheRuns(LoadFleet.Late late) {
        afterTheRuns = late;
    }

    /** Late frames of the named runs, wherever they arrived. */
    long lateOf(String... names) {
        long late = 0;
        for (String name : names) {
            FanOutRun.Result run = runs.get(name);
            if (run != null) {
                for (LoadFleet.Late arrived : arrivals()) {
                    late += arrived.of(run.range());
                }
            }
        }
        return late;
    }

    /**
     * Per run: frames expected and received, the ids missing and received twice, its frames that came
     * late (and the run they arrived in), and the frames of other ids that arrived in it.
     */
    Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(runs.keySet());
        for (String name : names) {
            FanOutRun.Result run = runs.get(name);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("expected", run.expectedFrames());
            line.put("received", run.frames());
            line.put("missing", run.missing());
            line.put("gateway pushed (its own count)", run.gatewayFramesPushed());
            line.put("missing ids", run.missingIds());
            line.put("sockets short of frames", run.shortSockets());
            line.put("push sockets open at the end", run.collected().open());
            line.put("gateway sockets open at the end (its count, watchers included)", run.gatewaySocketsOpen());
            line.put("push sockets closed by the server (by close code)", run.collected().closes());
            line.put("received twice", run.extra());
            line.put("received twice ids", run.extraIds());
            Map<String, Long> lateIn = new LinkedHashMap<>();
            for (String other : names) {
                long count = runs.get(other).late().of(run.range());
                if (count > 0) {
                    lateIn.put(other, count);
                }
            }
            long afterAll = afterTheRuns.of(run.range());
            if (afterAll > 0) {
                lateIn.put("after the runs", afterAll);
            }
            line.put("late, arrived in", lateIn);
            line.put("late frames of other runs that arrived in it", run.late().named());
            described.put(name, line);
        }
        if (afterTheRuns.count() > 0) {
            described.put("late frames after the runs", afterTheRuns.named());
        }
        return described;
    }

    private List<LoadFleet.Late> arrivals() {
        List<LoadFleet.Late> arrivals = new ArrayList<>();
        runs.values().forEach(run -> arrivals.add(run.late()));
        arrivals.add(afterTheRuns);
        return arrivals;
    }
}
