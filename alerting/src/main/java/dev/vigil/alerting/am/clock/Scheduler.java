package dev.vigil.alerting.am.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Time for the dispatcher and the notification pipeline: the current instant, one-shot timers and
 * sleeping between retries. {@link SystemScheduler} runs on the wall clock; tests drive a fake one
 * so timelines are exact.
 */
public interface Scheduler {
    Instant now();

    /** Runs {@code task} once after {@code delay} (zero or negative: as soon as possible). */
    Timer schedule(Duration delay, Runnable task);

    /** Blocks the calling task for {@code d} (a fake scheduler moves its clock instead). */
    void sleep(Duration d) throws InterruptedException;

    /** A scheduled task that can be cancelled before it runs. */
    interface Timer {
        void cancel();
    }

    /** This scheduler's time as a {@link Clock}, for code written against one (silences). */
    default Clock clock() {
        return clock(ZoneOffset.UTC);
    }

    private Clock clock(ZoneId zone) {
        Scheduler self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.clock(other);
            }

            @Override
            public Instant instant() {
                return self.now();
            }
        };
    }
}
