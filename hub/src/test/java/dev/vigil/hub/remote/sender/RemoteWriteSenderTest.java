package dev.vigil.hub.remote.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.SnapshotSink;
import dev.vigil.hub.config.ConfigLoader;
import dev.vigil.hub.config.HubConfig;
import dev.vigil.model.Labels;
import dev.vigil.storage.Appender;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.TsdbOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender against a fake receiver on loopback: batching, external labels and write relabeling,
 * retries with backoff through a run of 500s without losing or reordering a sample, 400 dropping
 * a batch (counted), and resuming from the saved position after a restart.
 */
class RemoteWriteSenderTest {
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final FakeReceiver receiver = new FakeReceiver();
    private Tsdb tsdb;
    private RemoteWriteManager manager;

    RemoteWriteSenderTest() throws Exception {
    }

    @AfterEach
    void close() throws Exception {
        if (manager != null) {
            manager.close();
        }
        if (tsdb != null) {
            tsdb.close();
        }
        receiver.close();
    }

    private HubConfig config(String queue) throws Exception {
        return ConfigLoader.parse("prometheus.yml", """
                global:
                  external_labels: {region: eu, job: ignored-when-present}
                remote_write:
                  - url: %s
                    name: fake
                    write_relabel_configs:
                      - source_labels: [drop]
                        regex: "yes"
                        action: drop
                      - target_label: via
                        replacement: vigil
                    queue_config: {%s}
                """.formatted(receiver.url(), queue));
    }

    private static Labels series(int i) {
        return Labels.of("__name__", "m", "job", "j", "i", Integer.toString(i), "drop", i == 0 ? "yes" : "no");
    }

    /** Appends {@code n} samples to each of the series 0..3 (series 0 is dropped by relabeling). */
    private void append(int from, int n) throws Exception {
        for (int k = from; k < from + n; k++) {
            Appender app = tsdb.appender();
            for (int i = 0; i < 4; i++) {
                app.append(0, series(i), T0 + k * 1000L, k * 10 + i + 0.5);
            }
            app.commit();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    /** What the receiver must hold for series 1..3 after samples [0, n). */
    private static Map<Labels, List<String>> expected(int n) {
        Map<Labels, List<String>> out = new java.util.LinkedHashMap<>();
        for (int i = 1; i < 4; i++) {
            Labels sent = series(i).toBuilder().set("region", "eu").set("via", "vigil").build();
            List<String> samples = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                samples.add((T0 + k * 1000L) + "=" + (k * 10 + i + 0.5));
            }
            out.put(sent, samples);
        }
        return out;
    }

    private QueueMetrics metrics() {
        return manager.metrics().iterator().next();
    }

    @Test
    void retriesThrough500sWithoutLosingOrReorderingAndDropsRelabeledSeries() throws Exception {
        tsdb = Tsdb.open(dir, TsdbOptions.DEFAULT);
        receiver.statusOf = n -> n < 6 ? 500 : 204;
        manager = new RemoteWriteManager(tsdb, "test");
        manager.apply(config("min_shards: 2, max_shards: 2, max_samples_per_send: 7, batch_send_deadline: 50ms,"
                + " min_backoff: 10ms, max_backoff: 40ms"));
        append(0, 60);
        await(() -> receiver.acceptedCount() == 180, "180 samples");
        Map<Labels, List<String>> got = receiver.accepted();
        assertEquals(expected(60), got, "every sample once, in order, with external labels and relabeling");
        QueueMetrics m = metrics();
        assertEquals(60, m.samplesDropped.sum(), "series 0 dropped by write relabeling");
        assertTrue(m.samplesRetried.sum() > 0, "retries counted");
        assertEquals(0, m.samplesFailed.sum());
        assertEquals(180 + m.samplesRetried.sum(), m.samples.sum(), "every attempt counts, as in Prometheus");
        assertTrue(m.bytes.sum() > 0);
        assertEquals((T0 + 59_000) / 1000, m.highestSentMillis.get() / 1000);
        assertTrue(receiver.requests.stream().allMatch(r -> r.samples() <= 7), "max_samples_per_send");
        FakeReceiver.Request first = receiver.requests.get(0);
        assertEquals(List.of("snappy"), first.headers().get("Content-encoding"));
        assertEquals(List.of("application/x-protobuf"), first.headers().get("Content-type"));
        assertEquals(List.of("0.1.0"), first.headers().get("X-prometheus-remote-write-version"));
        assertEquals(List.of("vigil-hub/test"), first.headers().get("User-agent"));
        SnapshotSink sink = new SnapshotSink();
        manager.collector().update(sink);
        List<String> names = sink.toSnapshots().stream().map(f -> f.getMetadata().getPrometheusName()).toList();
        assertEquals(16, names.size(), "every family renders: " + names);
        assertTrue(names.contains("prometheus_remote_storage_samples_failed")
                && names.contains("prometheus_remote_storage_sent_batch_duration_seconds"), names.toString());
    }

    @Test
    void backsOffFromMinToMaxBackoff() throws Exception {
        tsdb = Tsdb.open(dir, TsdbOptions.DEFAULT);
        receiver.statusOf = n -> n < 6 ? 503 : 204;
        manager = new RemoteWriteManager(tsdb, "test");
        manager.apply(config("min_shards: 1, max_shards: 1, batch_send_deadline: 20ms, min_backoff: 20ms,"
                + " max_backoff: 80ms"));
        append(0, 1);
        await(() -> receiver.acceptedCount() == 3, "3 samples");
        long[] sleeps = {20, 40, 80, 80, 80, 80};
        for (int i = 0; i < sleeps.length; i++) {
            long gap = (receiver.requests.get(i + 1).nanos() - receiver.requests.get(i).nanos()) / 1_000_000;
            assertTrue(gap >= sleeps[i], "retry " + (i + 1) + " after " + gap + " ms, expected at least " + sleeps[i]);
            assertTrue(gap < sleeps[i] + 2000, "retry " + (i + 1) + " after " + gap + " ms");
        }
        assertEquals(3 * 6, metrics().samplesRetried.sum(), "six retries of the 3-sample batch");
    }

    @Test
    void a400DropsTheBatchAndCountsIt() throws Exception {
        tsdb = Tsdb.open(dir, TsdbOptions.DEFAULT);
        receiver.statusOf = n -> n == 0 ? 400 : 204;
        manager = new RemoteWriteManager(tsdb, "test");
        manager.apply(config("min_shards: 1, max_shards: 1, batch_send_deadline: 20ms"));
        append(0, 1);
        await(() -> metrics().samplesFailed.sum() == 3, "the refused batch counted as failed");
        append(1, 1);
        await(() -> receiver.acceptedCount() == 3, "the next batch");
        assertEquals(0, metrics().samplesRetried.sum(), "a 400 is not retried");
        assertEquals(2, receiver.requests.size());
        for (List<String> samples : receiver.accepted().values()) {
            assertEquals(1, samples.size());
            assertTrue(samples.get(0).startsWith((T0 + 1000) + "="), samples.toString());
        }
    }

    @Test
    void resumesAfterARestartAtTheAcknowledgedPosition() throws Exception {
        tsdb = Tsdb.open(dir, TsdbOptions.DEFAULT);
        manager = new RemoteWriteManager(tsdb, "test");
        HubConfig config = config("batch_send_deadline: 20ms");
        manager.apply(config);
        append(0, 10);
        await(() -> receiver.acceptedCount() == 30, "30 samples");
        RemoteQueue queue = manager.running().get(0);
        manager.apply(config);
        assertSame(queue, manager.running().get(0), "an unchanged entry keeps running across a reload");
        manager.close();
        try (var files = Files.list(dir.resolve("remote"))) {
            assertEquals(1, files.count(), "one position file per destination");
        }
        append(10, 10); // while no sender runs: the hub is down, the WAL keeps them
        tsdb.close();
        tsdb = Tsdb.open(dir, TsdbOptions.DEFAULT);
        append(20, 10);
        manager = new RemoteWriteManager(tsdb, "test");
        manager.apply(config);
        await(() -> receiver.acceptedCount() == 90, "90 samples");
        Thread.sleep(200);
        assertEquals(expected(30), receiver.accepted(), "nothing lost, nothing sent twice");
    }

    @Test
    void reshardsUpForASlowReceiverAndKeepsEachSeriesInOrder() throws Exception {
        RemoteQueue.shardUpdateNanos = 300_000_000L;
        try {
            tsdb = Tsdb.open(dir, TsdbOptions.DEFAULT);
            receiver.delayMillis = 20;
            manager = new RemoteWriteManager(tsdb, "test");
            manager.apply(config("min_shards: 1, max_shards: 4, max_samples_per_send: 10, capacity: 50,"
                    + " batch_send_deadline: 20ms"));
            int maxShards = 1;
            for (int k = 0; k < 400; k += 20) {
                append(k, 20);
                Thread.sleep(50);
                maxShards = Math.max(maxShards, metrics().shards);
            }
            int[] seen = {maxShards};
            await(() -> {
                seen[0] = Math.max(seen[0], metrics().shards);
                return receiver.acceptedCount() == 1200;
            }, "1200 samples");
            assertTrue(seen[0] > 1, "resharded up from 1 (desired " + metrics().shardsDesired + ")");
            assertEquals(expected(400), receiver.accepted(), "every sample once and in order across reshards");
        } finally {
            RemoteQueue.shardUpdateNanos = 10_000_000_000L;
        }
    }

    @Test
    void aChangedEntryRestartsItsQueueAndResumes() throws Exception {
        tsdb = Tsdb.open(dir, TsdbOptions.DEFAULT);
        manager = new RemoteWriteManager(tsdb, "test");
        manager.apply(config("batch_send_deadline: 20ms"));
        append(0, 5);
        await(() -> receiver.acceptedCount() == 15, "15 samples");
        RemoteQueue before = manager.running().get(0);
        manager.apply(config("batch_send_deadline: 30ms"));
        assertFalse(before == manager.running().get(0), "a changed entry gets a new queue");
        append(5, 5);
        await(() -> receiver.acceptedCount() == 30, "30 samples");
        assertEquals(expected(10), receiver.accepted());
        manager.apply(ConfigLoader.parse("empty.yml", "global: {}\n"));
        assertEquals(List.of(), manager.running(), "a removed entry stops");
    }
}
