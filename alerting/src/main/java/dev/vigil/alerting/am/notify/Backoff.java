package dev.vigil.alerting.am.notify;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The retry schedule Alertmanager uses (cenkalti/backoff's defaults): 500 ms first, then 1.5 times
 * longer each time up to 60 s, each wait randomised by +-50 %.
 */
public final class Backoff {
    static final double MULTIPLIER = 1.5;
    static final double RANDOMIZATION = 0.5;
    private final long maxMillis;
    private double current;

    public Backoff(Duration initial, Duration max) {
        this.current = initial.toMillis();
        this.maxMillis = max.toMillis();
    }

    public static Backoff alertmanager() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60));
    }

    /** The next wait. */
    public Duration next() {
        double delta = RANDOMIZATION * current;
        double wait = current - delta + ThreadLocalRandom.current().nextDouble() * (2 * delta + 1);
        current = Math.min(current * MULTIPLIER, maxMillis);
        return Duration.ofMillis((long) wait);
    }
}
