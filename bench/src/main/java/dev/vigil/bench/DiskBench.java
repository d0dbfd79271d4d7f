package dev.vigil.bench;

import dev.vigil.hub.remote.sender.WriteRequestEncoder;
import dev.vigil.model.Labels;
import dev.vigil.storage.Appender;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.TsdbOptions;
import dev.vigil.storage.block.Block;
import dev.vigil.storage.head.HeadOptions;
import dev.vigil.storage.wal.WalOptions;
import io.airlift.compress.snappy.SnappyCompressor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Disk bytes per sample, Vigil and Prometheus on the same data in one run: a {@link NodeFleet} of
 * HOSTS simulated node_exporter hosts scraped every 15 s (with a few ms of timestamp jitter, as a
 * real scrape loop has) for HOURS. Vigil appends it and compacts as the hub would; the same
 * samples go to an OpenMetrics file that Prometheus' own {@code promtool tsdb
 * create-blocks-from openmetrics} turns into 2 h blocks. Prints both sizes per sample over whole
 * blocks (index and chunks). With {@code -Dvm=BASE_URL} (a VictoriaMetrics started with a
 * retention long enough for the data's 2023 timestamps) the same samples also go to it by remote
 * write; after {@code /internal/force_flush} and {@code /internal/force_merge} (waited for until
 * no merge is active) its size is the sum of its {@code vm_data_size_bytes} (data parts and
 * indexdb) over its {@code vm_rows} of storage: what its -storageDataPath holds for the data.
 * Prints key=value lines, then a markdown table, a {@code Ratios:} line and {@code RESULT disk PEER
 * bytes_per_sample VALUE} lines for bench/compare.sh. Usage: {@code java
 * <chronicle flags> -cp bench.jar dev.vigil.bench.DiskBench [HOSTS (40)] [HOURS (6)] [DIR]
 * [PROMTOOL (promtool)]}.
 */
public final class DiskBench {
    private static final long STEP = 15_000;
    private static final long RANGE = 7_200_000;
    /** Scrapes per remote-write request to VictoriaMetrics, and series per request. */
    private static final int VM_STEPS = 40;
    private static final int VM_SERIES = 2_000;

    /** One peer's figures: blocks (VictoriaMetrics: parts), samples in them, bytes. */
    private record Result(String peer, long blocks, long samples, long bytes) {
        double perSample() {
            return (double) bytes / samples;
        }
    }

    private DiskBench() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int hours = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("vigil-disk-bench");
        String promtool = args.length > 3 ? args[3] : "promtool";
        Path data = Path.of(System.getProperty("data", "bench/data"));
        NodeFleet fleet = new NodeFleet(data, hosts, 42);
        int n = fleet.size();
        int scrapes = (int) (hours * 3_600_000L / STEP);
        long t0 = 1_700_006_400_000L; // a multiple of 2 h
        SplittableRandom jitter = new SplittableRandom(9);
        Path om = dir.resolve("fleet.om");
        Files.createDirectories(dir);
        Labels[] labels = new Labels[n];
        String[] omNames = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = fleet.labels(i);
            omNames[i] = openMetricsSeries(labels[i]);
        }
        long[] refs = new long[n];
        String vm = System.getProperty("vm");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long[][] vmTs = new long[n][VM_STEPS];
        double[][] vmValues = new double[n][VM_STEPS];
        int buffered = 0;
        List<Result> results = new ArrayList<>();
        TsdbOptions options = TsdbOptions.of(new HeadOptions(RANGE, 120), WalOptions.DEFAULT, 0, 0);
        long samples = 0;
        try (Tsdb db = Tsdb.open(dir.resolve("vigil"), options);
                BufferedWriter out = Files.newBufferedWriter(om, StandardCharsets.UTF_8)) {
            for (int s = 0; s < scrapes; s++) {
                double[] values = s == 0 ? fleet.current() : fleet.step();
                Appender app = db.appender();
                for (int i = 0; i < n; i++) {
                    // each host's scrape starts a little late or early, as Prometheus' loop does
                    long t = t0 + STEP * s + (i % 7 == 0 ? jitter.nextInt(-2, 3) : 0);
                    refs[i] = app.append(refs[i], labels[i], t, values[i]);
                    vmTs[i][buffered] = t;
                    vmValues[i][buffered] = values[i];
                    out.write(omNames[i]);
                    out.write(' ');
                    out.write(Double.toString(values[i]));
                    out.write(' ');
                    out.write(Long.toString(t / 1000));
                    out.write('.');
                    out.write(String.format("%03d", t % 1000));
                    out.write('\n');
                    samples++;
                }
                app.commit();
                buffered++;
                if (vm != null && (buffered == VM_STEPS || s == scrapes - 1)) {
                    remoteWrite(client, vm, labels, vmTs, vmValues, buffered);
                }
                if (buffered == VM_STEPS) {
                    buffered = 0;
                }
                if (s % 240 == 0) {
                    db.compact();
                }
            }
            out.write("# EOF\n");
            db.compact();
            long blockSamples = 0;
            for (Block b : db.blocks()) {
                blockSamples += b.meta().numSamples();
            }
            System.out.printf("series=%d scrapes=%d samples=%d%n", n, scrapes, samples);
            System.out.printf("vigil_blocks=%d block_samples=%d bytes=%d bytes_per_sample=%.3f%n", db.blocks().size(),
                    blockSamples, db.blocksBytes(), (double) db.blocksBytes() / blockSamples);
            results.add(new Result("vigil", db.blocks().size(), blockSamples, db.blocksBytes()));
        }
        Result prom = prometheus(promtool, om, dir.resolve("prometheus"));
        if (prom != null) {
            results.add(prom);
        }
        if (vm != null) {
            results.add(victoriaMetrics(client, vm));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "| peer (%,d series, %d h every 15 s) | blocks (VictoriaMetrics: parts) | samples stored "
                + "| bytes | bytes per sample |%n", n, hours);
        System.out.println("|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %,d | %,d | %.3f |%n", r.peer(), r.blocks(), r.samples(), r.bytes(),
                    r.perSample());
        }
        StringBuilder ratios = new StringBuilder("Ratios: bytes per sample");
        for (Result r : results.subList(1, results.size())) {
            ratios.append(String.format(Locale.ROOT, " vigil/%s %.2fx;", r.peer(), results.get(0).perSample() / r.perSample()));
        }
        System.out.println(ratios);
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "RESULT disk %s bytes_per_sample %.4f%n", r.peer(), r.perSample());
        }
    }

    /** Sends {@code count} buffered scrapes of every series to VictoriaMetrics by remote write. */
    private static void remoteWrite(HttpClient client, String vm, Labels[] labels, long[][] ts, double[][] values,
            int count) throws IOException, InterruptedException {
        WriteRequestEncoder encoder = new WriteRequestEncoder();
        SnappyCompressor snappy = new SnappyCompressor();
        for (int from = 0; from < labels.length; from += VM_SERIES) {
            encoder.reset();
            for (int i = from; i < Math.min(labels.length, from + VM_SERIES); i++) {
                encoder.add(labels[i], ts[i], values[i], count);
            }
            byte[] compressed = new byte[snappy.maxCompressedLength(encoder.length())];
            int len = snappy.compress(encoder.bytes(), 0, encoder.length(), compressed, 0, compressed.length);
            HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(vm + "/api/v1/write"))
                    .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/x-protobuf")
                    .header("Content-Encoding", "snappy").header("X-Prometheus-Remote-Write-Version", "0.1.0")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOf(compressed, len))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 != 2) {
                throw new IOException(vm + ": HTTP " + res.statusCode() + ": " + res.body());
            }
        }
    }

    /** Flushes and force-merges VictoriaMetrics, waits (at most 10 minutes) for its merges, reads its sizes. */
    private static Result victoriaMetrics(HttpClient client, String vm) throws IOException, InterruptedException {
        get(client, vm + "/internal/force_flush");
        get(client, vm + "/internal/force_merge");
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        String metrics = get(client, vm + "/metrics");
        while (System.nanoTime() < deadline && (sum(metrics, "vm_active_force_merges") > 0
                || sum(metrics, "vm_active_merges") > 0)) {
            Thread.sleep(500);
            metrics = get(client, vm + "/metrics");
        }
        Thread.sleep(1000); // merged parts replace the old ones once the merge is done
        metrics = get(client, vm + "/metrics");
        long rows = sum(metrics, "vm_rows{type=\"storage/small\"}") + sum(metrics, "vm_rows{type=\"storage/big\"}");
        long bytes = sum(metrics, "vm_data_size_bytes");
        long parts = sum(metrics, "vm_parts{type=\"storage/small\"}") + sum(metrics, "vm_parts{type=\"storage/big\"}");
        System.out.printf("victoria_metrics_parts=%d rows=%d bytes=%d (indexdb %d) bytes_per_sample=%.3f%n", parts, rows,
                bytes, sum(metrics, "vm_data_size_bytes{type=\"indexdb\"}"), (double) bytes / rows);
        return new Result("victoria-metrics", parts, rows, bytes);
    }

    private static String get(HttpClient client, String url) throws IOException, InterruptedException {
        HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() / 100 != 2) {
            throw new IOException(url + ": HTTP " + res.statusCode());
        }
        return res.body();
    }

    /** The sum of a metric's samples on a /metrics page: a bare name sums every label set. */
    static long sum(String page, String metric) {
        long total = 0;
        for (String line : page.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (line.startsWith("#") || space < 0) {
                continue;
            }
            String series = line.substring(0, space);
            if (series.equals(metric) || (metric.indexOf('{') < 0 && series.startsWith(metric + "{"))) {
                total += (long) Double.parseDouble(line.substring(space + 1));
            }
        }
        return total;
    }

    /** Runs promtool's backfill and sums its blocks (index + chunks) over their samples. */
    private static Result prometheus(String promtool, Path om, Path out) throws Exception {
        Process p = new ProcessBuilder(promtool, "tsdb", "create-blocks-from", "openmetrics", om.toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            System.out.println("promtool failed: " + log);
            return null;
        }
        long bytes = 0;
        long blockSamples = 0;
        int blocks = 0;
        List<Path> dirs = new ArrayList<>();
        try (var list = Files.list(out)) {
            list.filter(Files::isDirectory).forEach(dirs::add);
        }
        for (Path block : dirs) {
            String meta = Files.readString(block.resolve("meta.json"));
            blockSamples += Long.parseLong(meta.replaceAll("(?s).*\"numSamples\":\\s*(\\d+).*", "$1"));
            bytes += Files.size(block.resolve("index"));
            try (var chunks = Files.list(block.resolve("chunks"))) {
                for (Path c : chunks.toList()) {
                    bytes += Files.size(c);
                }
            }
            blocks++;
        }
        System.out.printf("prometheus_blocks=%d block_samples=%d bytes=%d bytes_per_sample=%.3f%n", blocks,
                blockSamples, bytes, (double) bytes / blockSamples);
        return new Result("prometheus", blocks, blockSamples, bytes);
    }

    /** {@code name{a="b",...}} in OpenMetrics' escaping. */
    private static String openMetricsSeries(Labels labels) {
        StringBuilder out = new StringBuilder(labels.metricName()).append('{');
        boolean first = true;
        for (int i = 0; i < labels.size(); i++) {
            if (labels.name(i).equals(Labels.METRIC_NAME)) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(labels.name(i)).append("=\"")
                    .append(labels.value(i).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        }
        return out.append('}').toString();
    }
}
