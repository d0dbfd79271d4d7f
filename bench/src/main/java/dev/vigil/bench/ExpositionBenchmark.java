package dev.vigil.bench;

import dev.vigil.exporter.Desc;
import dev.vigil.exporter.SnapshotSink;
import dev.vigil.exporter.exposition.Exposition;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one {@code /metrics} response for 1,000 series (20 families of 50 series, two labels
 * each, gauges, counters and untyped mixed), in both text formats, with and without gzip.
 *
 * <ul>
 *   <li>{@link #render}: exposition only, the snapshots built once in setup;
 *   <li>{@link #scrape}: what the metrics handler does per request: fill a {@link SnapshotSink},
 *       build the client_java snapshots, render into the reused per-thread buffer and copy the
 *       response bytes out ({@code toByteArray}, as the handler does before sending).
 * </ul>
 *
 * Run with {@code -prof gc} for the allocation per operation; see BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExpositionBenchmark {
    static final int FAMILIES = 20;
    static final int SERIES_PER_FAMILY = 50;
    static final String OPENMETRICS_ACCEPT = "application/openmetrics-text; version=1.0.0";

    /** {@code text} is the text format 0.0.4 (no Accept header), {@code openmetrics} is OpenMetrics 1.0.0. */
    @Param({"text", "openmetrics"})
    public String format;

    @Param({"false", "true"})
    public boolean gzip;

    private String accept;
    private Desc[] descs;
    private String[][][] labelValues; // [family][series] -> {device, mode}
    private double[][] values;
    private MetricSnapshots prebuilt;
    private ByteArrayOutputStream buffer;

    @Setup
    public void setup() throws IOException {
        accept = format.equals("openmetrics") ? OPENMETRICS_ACCEPT : null;
        descs = new Desc[FAMILIES];
        labelValues = new String[FAMILIES][SERIES_PER_FAMILY][];
        values = new double[FAMILIES][SERIES_PER_FAMILY];
        for (int f = 0; f < FAMILIES; f++) {
            String help = "Benchmark family " + f + " with two labels.";
            descs[f] = switch (f % 3) {
                case 0 -> Desc.gauge("vigil_bench_gauge_" + f + "_bytes", help, "device", "mode");
                case 1 -> Desc.counter("vigil_bench_counter_" + f + "_seconds_total", help, "device", "mode");
                default -> Desc.untyped("vigil_bench_untyped_" + f, help, "device", "mode");
            };
            for (int s = 0; s < SERIES_PER_FAMILY; s++) {
                labelValues[f][s] = new String[] {"dev" + (s / 5), "mode" + (s % 5)};
                // Node-exporter-like values: byte counts, fractional seconds, small integers.
                values[f][s] = switch (f % 3) {
                    case 0 -> 1_048_576.0 * (s + 1) + f;
                    case 1 -> 12_345.67 * (s + 1) + f / 100.0;
                    default -> s;
                };
            }
        }
        prebuilt = new MetricSnapshots(fill().toSnapshots());
        buffer = new ByteArrayOutputStream(64 * 1024);
        Exposition.render(prebuilt, accept, gzip, buffer);
        if (prebuilt.size() != FAMILIES || buffer.size() == 0) {
            throw new IllegalStateException("setup built " + prebuilt.size() + " families");
        }
    }

    private SnapshotSink fill() {
        SnapshotSink sink = new SnapshotSink();
        for (int f = 0; f < FAMILIES; f++) {
            Desc desc = descs[f];
            String[][] labels = labelValues[f];
            double[] v = values[f];
            for (int s = 0; s < SERIES_PER_FAMILY; s++) {
                sink.add(desc, v[s], labels[s]);
            }
        }
        return sink;
    }

    /** Rendering only; returns the response size so the work is not dead code. */
    @Benchmark
    public int render() throws IOException {
        Exposition.render(prebuilt, accept, gzip, buffer);
        return buffer.size();
    }

    /** One whole request's worth of work minus the HTTP layer and the collectors' own reads. */
    @Benchmark
    public byte[] scrape() throws IOException {
        MetricSnapshots snapshots = new MetricSnapshots(fill().toSnapshots());
        Exposition.render(snapshots, accept, gzip, buffer);
        return buffer.toByteArray();
    }
}
