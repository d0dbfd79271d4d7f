package dev.vigil.hub.remote.sender;

import dev.vigil.hub.config.RemoteWriteConfig;
import dev.vigil.hub.relabel.Relabeler;
import dev.vigil.model.Labels;
import dev.vigil.storage.head.SampleBatch;
import dev.vigil.storage.wal.WalTailer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * One {@code remote_write} entry at work: a reader thread follows the WAL, turns each series into
 * what is sent (external labels added where missing, then write relabeling; cached per WAL series
 * id and segment), and hands each sample to the shard its series hashes to, waiting while that
 * shard is full (so a receiver outage backs up into the WAL, never drops). Every second it saves
 * the acknowledged position; every 10 s it recomputes the desired number of shards as Prometheus
 * 2.42 does and reshards when it is more than 30% off (after draining the running shards, so a
 * series' samples stay in order).
 */
final class RemoteQueue {
    private static final Logger LOG = Logger.getLogger(RemoteQueue.class.getName());
    private static final Shard.SeriesRef DROPPED = new Shard.SeriesRef(Labels.EMPTY, 0);
    private static final long SHARD_UPDATE_NANOS = 10_000_000_000L;
    /** How often the shard count is recomputed: Prometheus' 10 s (tests shorten it). */
    static volatile long shardUpdateNanos = SHARD_UPDATE_NANOS;
    private static final double TOLERANCE = 0.3;
    /** Samples still queued when a stop has waited this long stay unsent (they are still in the WAL). */
    private static final long FLUSH_MILLIS = 5_000;

    private final RemoteWriteConfig config;
    private final Labels externalLabels;
    private final Path walDir;
    private final int blockSizeBytes;
    private final IntToLongFunction deletedSamples;
    private final Path positionFile;
    private final QueueMetrics metrics;
    private final String version;
    private final Int2ObjectHashMap<Shard.SeriesRef> cache = new Int2ObjectHashMap<>();
    private final LongAdder dataIn = new LongAdder();
    private final LongAdder dataDropped = new LongAdder();
    private final LongAdder dataOut = new LongAdder();
    private final LongAdder dataOutNanos = new LongAdder();
    private final AtomicLong lastFailureNanos = new AtomicLong(System.nanoTime() - SHARD_UPDATE_NANOS * 10);
    private final Ewma inRate = new Ewma();
    private final Ewma droppedRate = new Ewma();
    private final Ewma outRate = new Ewma();
    private final Ewma outDuration = new Ewma();
    private volatile boolean stopped;
    private volatile Progress progress;
    private volatile long highestReadMillis = Long.MIN_VALUE;
    private Shard.Context context;
    private Shard[] shards;
    private int generation;
    private int cacheSegment = -1;
    private long lastPersist;
    private long lastShardUpdate;
    private Thread reader;

    RemoteQueue(RemoteWriteConfig config, Labels externalLabels, Path walDir, int blockSizeBytes,
            IntToLongFunction deletedSamples, Path positionFile, QueueMetrics metrics, String version) {
        this.config = config;
        this.externalLabels = externalLabels;
        this.walDir = walDir;
        this.blockSizeBytes = blockSizeBytes;
        this.deletedSamples = deletedSamples;
        this.positionFile = positionFile;
        this.metrics = metrics;
        this.version = version;
    }

    /** Opens the WAL at the saved position (or its end, for a new destination) and starts sending. */
    void start() throws IOException {
        context = new Shard.Context(config, new RemoteWriteClient(config, version), metrics, dataOut, dataOutNanos,
                lastFailureNanos);
        WalTailer.Listener lost = (from, to, samples) -> {
            if (samples > 0) {
                metrics.samplesLost.add(samples);
            }
            LOG.warning(() -> "remote write to " + metrics.remoteName + ": WAL segment(s) " + from + " to " + to
                    + " were deleted before they were sent; " + (samples < 0 ? "an unknown number of" : samples)
                    + " samples lost, going on with the next segment");
        };
        WalTailer.Position saved = Progress.read(positionFile);
        WalTailer tailer = saved != null
                ? WalTailer.resume(walDir, blockSizeBytes, saved, deletedSamples, lost)
                : WalTailer.fromEnd(walDir, blockSizeBytes, deletedSamples, lost);
        progress = new Progress(positionFile, saved != null ? saved : tailer.position());
        progress.persist();
        RemoteWriteConfig.QueueConfig q = config.queue();
        metrics.shardsMin = q.minShards();
        metrics.shardsMax = q.maxShards();
        metrics.shardsDesired = q.minShards();
        metrics.capacity = q.capacity();
        metrics.maxSamplesPerSend = q.maxSamplesPerSend();
        startShards(q.minShards());
        LOG.info(() -> "remote write to " + metrics.remoteName + " (" + config.url() + ") starting "
                + (saved != null ? "at its saved WAL position " + saved : "at the end of the WAL"));
        reader = Thread.ofPlatform().daemon().name("remote-write-" + metrics.remoteName).start(() -> read(tailer));
    }

    private void startShards(int n) {
        shards = new Shard[n];
        generation++;
        for (int i = 0; i < n; i++) {
            shards[i] = new Shard(context);
            shards[i].start("remote-write-" + metrics.remoteName + "-shard-" + generation + "-" + i);
        }
        metrics.shards = n;
    }

    private void read(WalTailer tailer) {
        try (tailer) {
            lastShardUpdate = System.nanoTime();
            while (!stopped) {
                SampleBatch batch = tailer.next();
                if (batch == null) {
                    housekeeping(true);
                    Thread.sleep(20);
                    continue;
                }
                enqueue(tailer, batch);
                housekeeping(true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "remote write to " + metrics.remoteName + ": the WAL reader stopped: " + e, e);
        }
    }

    private void enqueue(WalTailer tailer, SampleBatch batch) throws InterruptedException, IOException {
        if (tailer.segment() != cacheSegment) {
            cache.clear(); // series ids only mean something within their segment
            cacheSegment = tailer.segment();
        }
        WalTailer.Position at = tailer.position();
        Progress.Mark mark = progress.begin(at.segment(), at.index());
        for (int i = 0; i < batch.sampleCount(); i++) {
            int id = batch.sampleId(i);
            Shard.SeriesRef ref = cache.get(id);
            if (ref == null) {
                ref = resolve(tailer.labels(id));
                cache.put(id, ref);
            }
            long t = batch.sampleTime(i);
            highestReadMillis = Math.max(highestReadMillis, t);
            if (ref == DROPPED) {
                metrics.samplesDropped.increment();
                dataDropped.increment();
                continue;
            }
            mark.pending.incrementAndGet();
            Shard.Pending p = new Shard.Pending(ref, t, Double.longBitsToDouble(batch.sampleBits(i)), mark);
            Shard shard = shards[(int) Math.floorMod(ref.hash(), (long) shards.length)];
            while (!shard.offer(p, 100)) {
                housekeeping(false);
                if (stopped) {
                    return;
                }
            }
            dataIn.increment();
        }
        Progress.done(mark, 1);
    }

    /** External labels where the series lacks them, then write relabeling (Prometheus' order). */
    private Shard.SeriesRef resolve(Labels labels) {
        if (labels == null) {
            return DROPPED; // an id the segment never declared
        }
        Labels withExternal = labels;
        if (!externalLabels.isEmpty()) {
            Labels.Builder b = labels.toBuilder();
            for (int i = 0; i < externalLabels.size(); i++) {
                if (!labels.has(externalLabels.name(i))) {
                    b.set(externalLabels.name(i), externalLabels.value(i));
                }
            }
            withExternal = b.build();
        }
        Labels out = Relabeler.apply(withExternal, config.writeRelabelConfigs());
        if (out == null || out.isEmpty()) {
            return DROPPED;
        }
        return new Shard.SeriesRef(out, out.hash64());
    }

    /** Saves the position every second; with {@code mayReshard}, updates the shard count every 10 s. */
    private void housekeeping(boolean mayReshard) throws InterruptedException {
        long now = System.nanoTime();
        if (now - lastPersist >= 1_000_000_000L) {
            lastPersist = now;
            try {
                progress.persist();
            } catch (IOException e) {
                LOG.warning(() -> "remote write to " + metrics.remoteName + ": cannot save the WAL position: "
                        + e.getMessage());
            }
        }
        if (mayReshard && now - lastShardUpdate >= shardUpdateNanos) {
            double seconds = (now - lastShardUpdate) / 1e9;
            lastShardUpdate = now;
            inRate.tick(dataIn.sum(), seconds);
            droppedRate.tick(dataDropped.sum(), seconds);
            outRate.tick(dataOut.sum(), seconds);
            outDuration.tick(dataOutNanos.sum(), seconds);
            int desired = desiredShards();
            metrics.shardsDesired = desired;
            if (desired != shards.length && now - lastFailureNanos.get() > 2 * config.queue().batchSendDeadline().toNanos()) {
                reshard(desired);
            }
        }
    }

    /** Prometheus 2.42's calculateDesiredShards. */
    private int desiredShards() {
        double in = inRate.rate;
        double out = outRate.rate;
        double dropped = droppedRate.rate;
        double keptRatio = out + dropped == 0 ? 1 : out / (out + dropped);
        double outSeconds = outDuration.rate / 1e9;
        long sent = metrics.highestSentMillis.get();
        double delay = sent == Long.MIN_VALUE || highestReadMillis == Long.MIN_VALUE ? 0
                : (highestReadMillis - sent) / 1000.0;
        double pending = Math.max(0, delay) * in * keptRatio;
        if (out <= 0) {
            return shards.length;
        }
        double timePerSample = outSeconds / out;
        double desired = Math.ceil(timePerSample * (in * keptRatio + 0.01 * pending));
        double lower = shards.length * (1 - TOLERANCE);
        double upper = shards.length * (1 + TOLERANCE);
        if (lower <= desired && desired <= upper) {
            return shards.length;
        }
        int n = (int) desired;
        if (n < shards.length && delay > 10) {
            return shards.length; // do not shrink while behind
        }
        return Math.max(config.queue().minShards(), Math.min(config.queue().maxShards(), n));
    }

    /** Drains the running shards (so per-series order holds), then starts {@code n} new ones. */
    private void reshard(int n) throws InterruptedException {
        LOG.info(() -> "remote write to " + metrics.remoteName + ": resharding from " + shards.length + " to " + n);
        for (Shard s : shards) {
            s.stopWhenDrained();
        }
        for (Shard s : shards) {
            while (!s.join(100)) {
                housekeeping(false);
                if (stopped) {
                    s.stopNow();
                }
            }
        }
        startShards(n);
    }

    /** The oldest WAL segment this queue still needs (its acknowledged position's). */
    int oldestSegmentNeeded() {
        Progress p = progress;
        return p == null ? Integer.MAX_VALUE : p.oldestSegmentNeeded();
    }

    /** Stops reading, gives the shards a few seconds to send what they hold, saves the position. */
    void stop() {
        stopped = true;
        try {
            if (reader != null) {
                reader.join();
            }
            long deadline = System.currentTimeMillis() + FLUSH_MILLIS;
            for (Shard s : shards) {
                s.stopWhenDrained();
            }
            for (Shard s : shards) {
                if (!s.join(Math.max(1, deadline - System.currentTimeMillis()))) {
                    s.stopNow();
                    s.join(FLUSH_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (Shard s : shards) {
                s.stopNow();
            }
        }
        try {
            progress.persist();
        } catch (IOException e) {
            LOG.warning(() -> "remote write to " + metrics.remoteName + ": cannot save the WAL position: " + e.getMessage());
        }
        metrics.pending.set(0);
        LOG.info(() -> "remote write to " + metrics.remoteName + " stopped at WAL position " + progress.acked());
    }

    /** Prometheus' ewmaRate: the first non-zero interval sets the rate, later ones move it by 20%. */
    private static final class Ewma {
        double rate;
        boolean init;
        long lastTotal;

        void tick(long total, double seconds) {
            long events = total - lastTotal;
            lastTotal = total;
            double instant = events / seconds;
            if (init) {
                rate += 0.2 * (instant - rate);
            } else if (events > 0) {
                init = true;
                rate = instant;
            }
        }
    }
}
