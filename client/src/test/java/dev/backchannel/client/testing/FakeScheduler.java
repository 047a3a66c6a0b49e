package dev.backchannel.client.testing;

import dev.backchannel.client.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** A scheduler whose time moves only when a test says so; it remembers every delay asked for. */
public final class FakeScheduler implements Scheduler {

    private record Task(Instant due, long order, Runnable action, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due().equals(b.due())
            ? Long.compare(a.order(), b.order()) : a.due().compareTo(b.due()));
    private final List<Duration> delays = new ArrayList<>();
    private Instant now = Instant.parse("2030-01-01T00:00:00Z");
    private long order;

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        delays.add(delay);
        tasks.add(new Task(now.plus(delay), order++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    /** Every delay asked for so far, in order. */
    public synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    public synchronized boolean hasPending() {
        return tasks.stream().anyMatch(task -> !task.cancelled()[0]);
    }

    /** Moves time forward by {@code step}, running every task that falls due on the way. */
    public void advance(Duration step) {
        Instant until;
        synchronized (this) {
            until = now.plus(step);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due().isAfter(until)) {
                    now = until;
                    return;
                }
                tasks.poll();
                now = next.due();
            }
            if (!next.cancelled()[0]) {
                next.action().run();
            }
        }
    }

    /** Moves time to the next pending task and runs it; returns how far time moved. */
    public Duration runNext() {
        Task next;
        Duration moved;
        synchronized (this) {
            do {
                next = tasks.poll();
            } while (next != null && next.cancelled()[0]);
            if (next == null) {
                throw new IllegalStateException("nothing scheduled");
            }
            moved = Duration.between(now, next.due());
            now = next.due();
        }
        next.action().run();
        return moved;
    }
}
