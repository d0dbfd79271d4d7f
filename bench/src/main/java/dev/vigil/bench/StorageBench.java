package dev.vigil.bench;

import dev.vigil.model.Labels;
import dev.vigil.storage.Appender;
import dev.vigil.storage.Querier;
import dev.vigil.storage.SampleIterator;
import dev.vigil.storage.Series;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.TsdbOptions;
import dev.vigil.storage.block.Block;
import dev.vigil.storage.head.HeadOptions;
import dev.vigil.storage.wal.WalOptions;
import dev.vigil.storage.index.Matcher;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * End-to-end storage benchmark on node_exporter-shaped data: SERIES series scraped SCRAPES times
 * 15 s apart (counters that grow, gauges that wander, constants), one commit per scrape of
 * BATCH series, WAL included. Prints append rate, heap per series after a full GC, head chunk
 * bytes per sample, WAL bytes, replay time and query latencies. Usage:
 * {@code java <chronicle flags> -cp bench.jar dev.vigil.bench.StorageBench [SERIES] [SCRAPES] [DIR]
 * [replay-only|reopen]}; with {@code replay-only} there is no compaction, so the whole WAL is replayed;
 * {@code reopen} only opens an existing directory (SERIES and SCRAPES as when it was made). With
 * {@code -Dfleet}, series and values come from {@link NodeFleet} (real node_exporter shapes).
 */
public final class StorageBench {
    private StorageBench() {
    }

    public static void main(String[] args) throws Exception {
        int seriesCount = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int scrapes = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("vigil-storage-bench");
        boolean compact = !(args.length > 3 && args[3].equals("replay-only"));
        if (args.length > 3 && args[3].equals("reopen")) {
            reopen(dir, TsdbOptions.DEFAULT); // as replay-only wrote it
            return;
        }
        int batch = 1000;
        // "fleet": values and labels from NodeFleet (real node_exporter series and movements);
        // otherwise a synthetic, deliberately hard-to-compress mix.
        NodeFleet fleet = System.getProperty("fleet") != null
                ? new NodeFleet(Path.of(System.getProperty("data", "bench/data")), seriesCount / 500 + 1, 42) : null;
        Labels[] labels = new Labels[seriesCount];
        for (int i = 0; i < seriesCount; i++) {
            int host = i / 1000;
            labels[i] = fleet != null ? fleet.labels(i) : Labels.of("__name__", "node_metric_" + (i % 1000 / 10),
                    "instance", "host-" + host + ":9100", "job", "node", "device", "dev" + (i % 10));
        }
        double[] values = new double[seriesCount];
        SplittableRandom random = new SplittableRandom(1);
        long[] refs = new long[seriesCount];
        long t0 = 1_700_000_000_000L;
        gc();
        long heapBefore = heapUsed();
        long rssBefore = rss();
        long appendNanos = 0;
        // Without compaction (replay-only), the default 2 h chunk range; otherwise a quarter of the run,
        // so that compaction cuts the first quarter into a block.
        long range = Math.max(60_000, 15_000L * scrapes / 4);
        TsdbOptions options = compact ? TsdbOptions.of(new HeadOptions(range, 120), WalOptions.DEFAULT, 0, 0)
                : TsdbOptions.DEFAULT;
        try (Tsdb db = Tsdb.open(dir, options)) {
            for (int s = 0; s < scrapes; s++) {
                long t = t0 + 15_000L * s;
                double[] fleetValues = fleet == null ? null : s == 0 ? fleet.current() : fleet.step();
                for (int i = 0; i < seriesCount && fleet == null; i++) {
                    // node_exporter's mix, roughly: constants and info metrics, byte and packet
                    // counters, CPU-seconds counters with two decimals, page-sized memory gauges.
                    values[i] = switch (i % 10) {
                        case 0, 1, 2 -> 1 + (i % 7);
                        case 3, 4, 5 -> values[i] + random.nextInt(100_000);
                        case 6, 7 -> Math.round((values[i] + random.nextDouble() * 15) * 100) / 100.0;
                        default -> random.nextInt(4) == 0 ? values[i] + 4096 * random.nextInt(-50, 50) : values[i];
                    };
                }
                long start = System.nanoTime();
                for (int from = 0; from < seriesCount; from += batch) {
                    Appender app = db.appender();
                    int to = Math.min(seriesCount, from + batch);
                    for (int i = from; i < to; i++) {
                        refs[i] = app.append(refs[i], labels[i], t, fleet != null ? fleetValues[i] : values[i]);
                    }
                    app.commit();
                }
                long took = System.nanoTime() - start;
                if (s > 0) {
                    appendNanos += took; // the first scrape creates the series
                }
                if ((s + 1) % 20 == 0) {
                    System.err.printf("scrape %d/%d: %.2f M samples/s%n", s + 1, scrapes, seriesCount / (took / 1e9) / 1e6);
                }
            }
            long samples = (long) seriesCount * scrapes;
            gc();
            long heap = heapUsed() - heapBefore;
            long chunkBytes = db.head().chunkBytes();
            long walBytes = db.wal().bytesWritten();
            System.out.printf("series=%d scrapes=%d samples=%d%n", seriesCount, scrapes, samples);
            System.out.printf("append_into_existing_series_msamples_per_s=%.2f%n",
                    (double) seriesCount * (scrapes - 1) / (appendNanos / 1e9) / 1e6);
            System.out.printf("heap_bytes_per_series=%.0f%n", (double) heap / seriesCount);
            System.out.printf("rss_growth_bytes_per_series=%.0f (after a full GC; the heap's committed size included)%n",
                    (double) (rss() - rssBefore) / seriesCount);
            System.out.printf("rss_now: %s, committed heap %d MiB%n", rssParts(),
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20);
            System.out.printf("head_chunk_bytes_per_sample=%.3f%n", (double) chunkBytes / samples);
            System.out.printf("wal_bytes_per_sample=%.2f%n", (double) walBytes / samples);
            queries(db, t0, t0 + 15_000L * (scrapes - 1));
            if (!compact) {
                System.out.printf("wal_records=%d%n", db.wal().recordsWritten());
            }
        }
        if (compact) {
            compactAndMeasure(dir, options);
        }
        reopen(dir, options);
    }

    private static void reopen(Path dir, TsdbOptions options) throws Exception {
        gc();
        long start = System.nanoTime();
        try (Tsdb db = Tsdb.open(dir, options)) {
            System.out.printf("replay_seconds=%.2f (%d series, %d samples)%n", (System.nanoTime() - start) / 1e9,
                    db.head().numSeries(), db.replayStats().samples());
        }
    }

    private static void compactAndMeasure(Path dir, TsdbOptions options) throws Exception {
        try (Tsdb db = Tsdb.open(dir, options)) {
            long compactStart = System.nanoTime();
            db.compact();
            long blockSamples = 0;
            for (Block b : db.blocks()) {
                blockSamples += b.meta().numSamples();
            }
            System.out.printf("compaction_seconds=%.2f blocks=%d block_samples=%d%n", (System.nanoTime() - compactStart) / 1e9,
                    db.blocks().size(), blockSamples);
            System.out.printf("block_bytes_per_sample=%.3f (index and chunks)%n", (double) db.blocksBytes() / blockSamples);
        }
    }

    private static void queries(Tsdb db, long mint, long maxt) {
        long from = Math.max(mint, maxt - 3_600_000);
        long[] one = new long[50];
        long[] many = new long[20];
        for (int r = 0; r < one.length; r++) {
            long start = System.nanoTime();
            try (Querier q = db.querier(from, maxt)) {
                drain(q.select(List.of(Matcher.equal("__name__", "node_metric_" + (r % 100)),
                        Matcher.equal("instance", "host-" + (r % 10) + ":9100"), Matcher.equal("device", "dev" + (r % 10)))));
            }
            one[r] = System.nanoTime() - start;
        }
        for (int r = 0; r < many.length; r++) {
            long start = System.nanoTime();
            try (Querier q = db.querier(from, maxt)) {
                // 200 series: one metric across 20 hosts' 10 devices
                drain(q.select(List.of(Matcher.equal("__name__", "node_metric_" + (r % 100)),
                        Matcher.regex("instance", "host-1?[0-9]:9100"))));
            }
            many[r] = System.nanoTime() - start;
        }
        System.out.printf("query_1_series_1h_ms_p50=%.3f%n", median(one) / 1e6);
        System.out.printf("query_200_series_1h_ms_p50=%.3f%n", median(many) / 1e6);
    }

    private static long drain(List<Series> series) {
        long n = 0;
        for (Series s : series) {
            SampleIterator it = s.iterator();
            while (it.next()) {
                n++;
            }
        }
        return n;
    }

    private static long median(long[] xs) {
        long[] copy = xs.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }

    /** The process's resident set (VmRSS) in bytes. */
    private static long rss() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private static String rssParts() throws java.io.IOException {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("RssAnon:") || line.startsWith("RssFile:") || line.startsWith("RssShmem:")) {
                out.append(line.replaceAll("\\s+", " ")).append("; ");
            }
        }
        return out.toString();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
