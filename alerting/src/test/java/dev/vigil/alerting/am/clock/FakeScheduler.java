package dev.vigil.alerting.am.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A scheduler on a fake clock: {@link #advance} runs the due tasks in time order on the calling
 * thread, moving the clock to each task's time; {@link #sleep} just moves the clock.
 */
public final class FakeScheduler implements Scheduler {
    private record Task(Instant at, long seq, Runnable run, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.at.equals(b.at)
            ? Long.compare(a.seq, b.seq) : a.at.compareTo(b.at));
    private Instant now;
    private long seq;

    public FakeScheduler(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Timer schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        queue.add(new Task(delay.isNegative() ? now : now.plus(delay), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public synchronized void sleep(Duration d) {
        now = now.plus(d);
    }

    /** Runs every task due up to {@code now + d}, then sets the clock there. */
    public void advance(Duration d) {
        Instant until;
        synchronized (this) {
            until = now.plus(d);
        }
        while (true) {
            Task t;
            synchronized (this) {
                t = queue.peek();
                if (t == null || t.at.isAfter(until)) {
                    if (now.isBefore(until)) {
                        now = until;
                    }
                    return;
                }
                queue.poll();
                if (t.at.isAfter(now)) {
                    now = t.at;
                }
            }
            if (!t.cancelled[0]) {
                t.run.run();
            }
        }
    }

    /** Runs what is due now (timers reset to zero). */
    public void runDue() {
        advance(Duration.ZERO);
    }
}
