package dev.vigil.hub.remote.sender;

import dev.vigil.hub.config.RemoteWriteConfig;
import dev.vigil.model.Labels;
import io.airlift.compress.snappy.SnappyCompressor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * One sending lane: a bounded queue of samples (capacity), batched up to max_samples_per_send or
 * batch_send_deadline, sent one batch at a time. A batch is retried until it is acknowledged or
 * refused for good, so the samples of a series (always the same shard) arrive in order. Backoff
 * as Prometheus 2.42: min_backoff, doubled after each retry up to max_backoff, or the server's
 * Retry-After when it gives one.
 */
final class Shard implements Runnable {
    private static final Logger LOG = Logger.getLogger(Shard.class.getName());

    /** A series as sent: its final labels and the hash that picks its shard. */
    record SeriesRef(Labels labels, long hash) {
    }

    /** One sample on its way, with the WAL record it came from. */
    record Pending(SeriesRef series, long t, double v, Progress.Mark mark) {
    }

    /** What the shards of one queue share. */
    record Context(RemoteWriteConfig config, RemoteWriteClient client, QueueMetrics metrics, LongAdder dataOut,
            LongAdder dataOutNanos, AtomicLong lastFailureNanos) {
    }

    private final Context ctx;
    private final RemoteWriteConfig.QueueConfig queueConfig;
    private final BlockingQueue<Pending> queue;
    private final WriteRequestEncoder encoder = new WriteRequestEncoder();
    private final SnappyCompressor snappy = new SnappyCompressor();
    private byte[] compressed = new byte[0];
    private volatile boolean stopping;
    private Thread thread;

    Shard(Context ctx) {
        this.ctx = ctx;
        this.queueConfig = ctx.config().queue();
        this.queue = new ArrayBlockingQueue<>(queueConfig.capacity());
    }

    void start(String name) {
        thread = Thread.ofPlatform().daemon().name(name).start(this);
    }

    /** Enqueues, waiting up to {@code millis} for room; false when full. */
    boolean offer(Pending p, long millis) throws InterruptedException {
        if (queue.offer(p, millis, TimeUnit.MILLISECONDS)) {
            ctx.metrics().pending.incrementAndGet();
            return true;
        }
        return false;
    }

    /** Sends what is queued, then ends (the caller waits with {@link #join}). */
    void stopWhenDrained() {
        stopping = true;
    }

    /** Ends now; what was not acknowledged stays unacknowledged (it is still in the WAL). */
    void stopNow() {
        stopping = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    boolean join(long millis) throws InterruptedException {
        return thread == null || thread.join(Duration.ofMillis(millis));
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>(queueConfig.maxSamplesPerSend());
        long deadlineNanos = queueConfig.batchSendDeadline().toNanos();
        try {
            while (true) {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (stopping && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + deadlineNanos;
                while (batch.size() < queueConfig.maxSamplesPerSend()) {
                    queue.drainTo(batch, queueConfig.maxSamplesPerSend() - batch.size());
                    long left = deadline - System.nanoTime();
                    if (batch.size() >= queueConfig.maxSamplesPerSend() || left <= 0 || stopping) {
                        break;
                    }
                    Pending p = queue.poll(Math.min(left, 50_000_000L), TimeUnit.NANOSECONDS);
                    if (p != null) {
                        batch.add(p);
                    }
                }
                send(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            // stopNow: unsent samples stay unacknowledged
        }
    }

    private void send(List<Pending> batch) throws InterruptedException {
        int n = batch.size();
        long newest = Long.MIN_VALUE;
        encoder.reset();
        Map<SeriesRef, List<Pending>> bySeries = new IdentityHashMap<>();
        List<SeriesRef> order = new ArrayList<>();
        for (Pending p : batch) {
            bySeries.computeIfAbsent(p.series(), s -> {
                order.add(s);
                return new ArrayList<>();
            }).add(p);
            newest = Math.max(newest, p.t());
        }
        for (SeriesRef s : order) {
            List<Pending> samples = bySeries.get(s);
            long[] ts = new long[samples.size()];
            double[] vs = new double[samples.size()];
            for (int i = 0; i < ts.length; i++) {
                ts[i] = samples.get(i).t();
                vs[i] = samples.get(i).v();
            }
            encoder.add(s.labels(), ts, vs, ts.length);
        }
        int max = snappy.maxCompressedLength(encoder.length());
        if (compressed.length < max) {
            compressed = new byte[max];
        }
        int length = snappy.compress(encoder.bytes(), 0, encoder.length(), compressed, 0, compressed.length);
        Duration backoff = queueConfig.minBackoff();
        int tries = 0;
        while (true) {
            long begin = System.nanoTime();
            ctx.metrics().samples.add(n);
            RemoteWriteClient.Result result = ctx.client().store(compressed, length);
            long took = System.nanoTime() - begin;
            ctx.metrics().observeSend(took / 1e9);
            if (result.ok()) {
                ctx.metrics().bytes.add(length);
                ctx.dataOut().add(n);
                ctx.dataOutNanos().add(took);
                break;
            }
            ctx.lastFailureNanos().set(System.nanoTime());
            if (!result.recoverable()) {
                ctx.metrics().samplesFailed.add(n);
                LOG.warning(() -> "remote write to " + ctx.metrics().remoteName + " (" + ctx.metrics().url
                        + "): non-recoverable error, " + n + " samples dropped: " + result.error());
                break;
            }
            Duration sleep = result.retryAfter() != null ? result.retryAfter() : backoff;
            String message = "remote write to " + ctx.metrics().remoteName + " (" + ctx.metrics().url
                    + "): failed to send batch, retrying in " + sleep + ": " + result.error();
            if (tries++ == 0) {
                LOG.warning(message);
            } else {
                LOG.fine(message);
            }
            Thread.sleep(sleep);
            ctx.metrics().samplesRetried.add(n);
            backoff = sleep.multipliedBy(2);
            if (backoff.compareTo(queueConfig.maxBackoff()) > 0) {
                backoff = queueConfig.maxBackoff();
            }
        }
        ctx.metrics().sent(newest);
        ctx.metrics().pending.addAndGet(-n);
        for (Pending p : batch) {
            Progress.done(p.mark(), 1);
        }
    }
}
