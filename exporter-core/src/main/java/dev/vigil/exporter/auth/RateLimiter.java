package dev.vigil.exporter.auth;

import java.time.Duration;

/**
 * The toolkit's global token bucket: one token per {@code interval}, at most {@code burst} saved,
 * starting full; a request without a token is answered 429.
 */
public final class RateLimiter {
    private final long intervalNanos;
    private final long burst;
    private double tokens;
    private long last;

    public RateLimiter(Duration interval, long burst) {
        this.intervalNanos = interval.toNanos();
        this.burst = burst;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    /** Takes a token if one is there. */
    public synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (double) (now - last) / intervalNanos);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
