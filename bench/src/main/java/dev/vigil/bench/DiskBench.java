package dev.vigil.bench;

import dev.vigil.model.Labels;
import dev.vigil.storage.Appender;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.TsdbOptions;
import dev.vigil.storage.block.Block;
import dev.vigil.storage.head.HeadOptions;
import dev.vigil.storage.wal.WalOptions;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Disk bytes per sample, Vigil and Prometheus on the same data in one run: a {@link NodeFleet} of
 * HOSTS simulated node_exporter hosts scraped every 15 s (with a few ms of timestamp jitter, as a
 * real scrape loop has) for HOURS. Vigil appends it and compacts as the hub would; the same
 * samples go to an OpenMetrics file that Prometheus' own {@code promtool tsdb
 * create-blocks-from openmetrics} turns into 2 h blocks. Prints both sizes per sample over whole
 * blocks (index and chunks). Usage: {@code java <chronicle flags> -cp bench.jar
 * dev.vigil.bench.DiskBench [HOSTS (40)] [HOURS (6)] [DIR] [PROMTOOL (promtool)]}.
 */
public final class DiskBench {
    private static final long STEP = 15_000;
    private static final long RANGE = 7_200_000;

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
        }
        prometheus(promtool, om, dir.resolve("prometheus"));
    }

    /** Runs promtool's backfill and sums its blocks (index + chunks) over their samples. */
    private static void prometheus(String promtool, Path om, Path out) throws Exception {
        Process p = new ProcessBuilder(promtool, "tsdb", "create-blocks-from", "openmetrics", om.toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            System.out.println("promtool failed: " + log);
            return;
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
