package dev.vigil.hub.remote.sender;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * One queue's figures, under Prometheus' names (see {@link RemoteWriteCollector}). Kept by the
 * manager per destination, so a queue restarted by a reload keeps counting.
 */
final class QueueMetrics {
    /** Prometheus' sent_batch_duration_seconds buckets: DefBuckets plus 25, 60, 120, 300. */
    static final double[] DURATION_BUCKETS = {.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 25, 60, 120, 300};

    final String remoteName;
    final String url;
    /** Samples in attempted sends (every attempt counts, as in Prometheus). */
    final LongAdder samples = new LongAdder();
    final LongAdder samplesFailed = new LongAdder();
    final LongAdder samplesRetried = new LongAdder();
    final LongAdder samplesDropped = new LongAdder();
    /** Samples lost because their WAL segment was deleted before it was read (a Vigil figure). */
    final LongAdder samplesLost = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final AtomicLong highestSentMillis = new AtomicLong(Long.MIN_VALUE);
    final AtomicLong pending = new AtomicLong();
    volatile int shards;
    volatile int shardsMin;
    volatile int shardsMax;
    volatile int shardsDesired;
    volatile int maxSamplesPerSend;
    volatile int capacity;
    private final AtomicLongArray buckets = new AtomicLongArray(DURATION_BUCKETS.length);
    private final DoubleAdder durationSum = new DoubleAdder();
    private final LongAdder durationCount = new LongAdder();

    QueueMetrics(String remoteName, String url) {
        this.remoteName = remoteName;
        this.url = url;
    }

    void observeSend(double seconds) {
        for (int i = 0; i < DURATION_BUCKETS.length; i++) {
            if (seconds <= DURATION_BUCKETS[i]) {
                buckets.incrementAndGet(i);
            }
        }
        durationSum.add(seconds);
        durationCount.increment();
    }

    void sent(long newestMillis) {
        highestSentMillis.accumulateAndGet(newestMillis, Math::max);
    }

    /** Cumulative bucket counts, for the histogram. */
    long[] bucketCounts() {
        long[] out = new long[DURATION_BUCKETS.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = buckets.get(i);
        }
        return out;
    }

    double durationSum() {
        return durationSum.sum();
    }

    long durationCount() {
        return durationCount.sum();
    }
}
