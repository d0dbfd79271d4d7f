package dev.vigil.hub.remote.sender;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.model.MetricType;
import java.util.Collection;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The remote-write queues' figures under Prometheus 2.42's names and labels
 * ({@code remote_name}, {@code url}), so its dashboards work on the hub.
 */
public final class RemoteWriteCollector implements Collector {
    private static final String[] L = {"remote_name", "url"};
    private static final Desc SAMPLES = Desc.counter("prometheus_remote_storage_samples_total",
            "Total number of samples sent to remote storage.", L);
    private static final Desc FAILED = Desc.counter("prometheus_remote_storage_samples_failed_total",
            "Total number of samples which failed on send to remote storage, non-recoverable errors.", L);
    private static final Desc RETRIED = Desc.counter("prometheus_remote_storage_samples_retried_total",
            "Total number of samples which failed on send to remote storage but were retried because the send"
                    + " error was recoverable.", L);
    private static final Desc DROPPED = Desc.counter("prometheus_remote_storage_samples_dropped_total",
            "Total number of samples which were dropped after being read from the WAL before being sent via remote"
                    + " write, either via relabelling or unintentionally because of an unknown reference ID.", L);
    private static final Desc PENDING = Desc.gauge("prometheus_remote_storage_samples_pending",
            "The number of samples pending in the queues shards to be sent to the remote storage.", L);
    private static final Desc BYTES = Desc.counter("prometheus_remote_storage_bytes_total",
            "The total number of bytes of data (not metadata) sent by the queue after compression.", L);
    private static final Desc DURATION = Desc.of("prometheus_remote_storage_sent_batch_duration_seconds",
            "Duration of send calls to the remote storage.", MetricType.HISTOGRAM, L);
    private static final Desc HIGHEST_SENT = Desc.gauge("prometheus_remote_storage_queue_highest_sent_timestamp_seconds",
            "Timestamp from a WAL sample, the highest timestamp successfully sent by this queue, in seconds since"
                    + " epoch.", L);
    private static final Desc SHARDS = Desc.gauge("prometheus_remote_storage_shards",
            "The number of shards used for parallel sending to the remote storage.", L);
    private static final Desc SHARDS_MAX = Desc.gauge("prometheus_remote_storage_shards_max",
            "The maximum number of shards that the queue is allowed to run.", L);
    private static final Desc SHARDS_MIN = Desc.gauge("prometheus_remote_storage_shards_min",
            "The minimum number of shards that the queue is allowed to run.", L);
    private static final Desc SHARDS_DESIRED = Desc.gauge("prometheus_remote_storage_shards_desired",
            "The number of shards that the queues shard calculation wants to run based on the rate of samples in vs."
                    + " samples out.", L);
    private static final Desc CAPACITY = Desc.gauge("prometheus_remote_storage_shard_capacity",
            "The capacity of each shard of the queue used for parallel sending to the remote storage.", L);
    private static final Desc PER_SEND = Desc.gauge("prometheus_remote_storage_max_samples_per_send",
            "The maximum number of samples to be sent, in a single request, to the remote storage.", L);
    private static final Desc LOST = Desc.counter("vigil_remote_storage_samples_lost_total",
            "Samples whose WAL segment was deleted (beyond the WAL hold limit) before this queue sent them.", L);
    private static final Desc HIGHEST_IN = Desc.gauge("prometheus_remote_storage_highest_timestamp_in_seconds",
            "Highest timestamp that has come into the remote storage via the Appender interface, in seconds since"
                    + " epoch.");

    private final Supplier<Collection<QueueMetrics>> queues;
    private final LongSupplier highestAppendedMillis;

    RemoteWriteCollector(Supplier<Collection<QueueMetrics>> queues, LongSupplier highestAppendedMillis) {
        this.queues = queues;
        this.highestAppendedMillis = highestAppendedMillis;
    }

    @Override
    public String name() {
        return "remote_write";
    }

    @Override
    public void update(MetricSink sink) {
        long highest = highestAppendedMillis.getAsLong();
        sink.add(HIGHEST_IN, highest == Long.MIN_VALUE ? 0 : highest / 1000.0);
        for (QueueMetrics m : queues.get()) {
            String[] l = {m.remoteName, m.url};
            sink.add(SAMPLES, m.samples.sum(), l);
            sink.add(FAILED, m.samplesFailed.sum(), l);
            sink.add(RETRIED, m.samplesRetried.sum(), l);
            sink.add(DROPPED, m.samplesDropped.sum(), l);
            sink.add(PENDING, Math.max(0, m.pending.get()), l);
            sink.add(BYTES, m.bytes.sum(), l);
            sink.addHistogram(DURATION, QueueMetrics.DURATION_BUCKETS, m.bucketCounts(), m.durationSum(),
                    m.durationCount(), l);
            long sent = m.highestSentMillis.get();
            sink.add(HIGHEST_SENT, sent == Long.MIN_VALUE ? 0 : sent / 1000.0, l);
            sink.add(SHARDS, m.shards, l);
            sink.add(SHARDS_MAX, m.shardsMax, l);
            sink.add(SHARDS_MIN, m.shardsMin, l);
            sink.add(SHARDS_DESIRED, m.shardsDesired, l);
            sink.add(CAPACITY, m.capacity, l);
            sink.add(PER_SEND, m.maxSamplesPerSend, l);
            sink.add(LOST, m.samplesLost.sum(), l);
        }
    }
}
