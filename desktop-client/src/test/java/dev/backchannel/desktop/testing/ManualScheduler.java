package dev.backchannel.desktop.testing;

import dev.backchannel.client.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Holds every scheduled task until the test runs them; tells which delays were asked for. */
public final class ManualScheduler implements Scheduler {

    private record Pending(Duration delay, Runnable task, boolean[] cancelled) {
    }

    private final List<Pending> pending = new ArrayList<>();

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        pending.add(new Pending(delay, task, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    /** Runs the tasks scheduled so far (not those they schedule); returns how many ran. */
    public int runPending() {
        List<Pending> due;
        synchronized (this) {
            due = new ArrayList<>(pending);
            pending.clear();
        }
        due.stream().filter(p -> !p.cancelled()[0]).forEach(p -> p.task().run());
        return due.size();
    }

    /** Runs the tasks scheduled so far to run after {@code delay}; the others stay pending. */
    public int runPending(Duration delay) {
        List<Pending> due;
        synchronized (this) {
            due = pending.stream().filter(p -> p.delay().equals(delay)).toList();
            pending.removeAll(due);
        }
        due.stream().filter(p -> !p.cancelled()[0]).forEach(p -> p.task().run());
        return due.size();
    }

    public synchronized List<Duration> delays() {
        return pending.stream().map(Pending::delay).toList();
    }
}
