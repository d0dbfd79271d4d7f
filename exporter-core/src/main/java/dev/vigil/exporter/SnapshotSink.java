package dev.vigil.exporter;

import dev.vigil.exporter.log.Log;
import dev.vigil.model.MetricType;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MetricSink} that gathers samples by family and turns them into client_java snapshots
 * for exposition.
 *
 * <p>client_java names families without their type suffix, so a counter {@code x_total} becomes
 * the counter snapshot {@code x} and a gauge {@code x_info} whose samples are all 1 becomes an
 * info snapshot; both are written back under their full names. A family client_java cannot carry
 * as typed is written under another type that keeps its name (a counter without {@code _total} as
 * untyped, a gauge named {@code *_total} as a counter); one whose
 * samples repeat a label set is dropped with an error in the log, never failing the scrape.
 */
public final class SnapshotSink implements MetricSink {
    private static final Log LOG = Log.get(SnapshotSink.class);

    private final Map<String, Family> families = new LinkedHashMap<>();
    private volatile boolean closed;

    @Override
    public void add(Desc desc, double value, String... labelValues) {
        if (desc.type() == MetricType.SUMMARY || desc.type() == MetricType.HISTOGRAM) {
            throw new IllegalArgumentException(desc.name() + ": a " + desc.type().textName() + " is not a single sample");
        }
        append(desc, value, null, labelValues);
    }

    @Override
    public void addHistogram(Desc desc, double[] upperBounds, long[] cumulativeCounts, double sum, long count,
            String... labelValues) {
        if (desc.type() != MetricType.HISTOGRAM || upperBounds.length != cumulativeCounts.length) {
            throw new IllegalArgumentException(desc.name() + ": not a histogram, or bounds and counts differ in length");
        }
        append(desc, 0, new HistogramPoint(upperBounds.clone(), cumulativeCounts.clone(), sum, count), labelValues);
    }

    @Override
    public void addSummary(Desc desc, double[] quantiles, double[] quantileValues, double sum, long count,
            String... labelValues) {
        if (desc.type() != MetricType.SUMMARY || quantiles.length != quantileValues.length) {
            throw new IllegalArgumentException(desc.name() + ": not a summary, or quantiles and values differ in length");
        }
        append(desc, 0, new SummaryPoint(quantiles.clone(), quantileValues.clone(), sum, count), labelValues);
    }

    private void append(Desc desc, double value, Object point, String[] labelValues) {
        if (labelValues.length != desc.labelNames().size()) {
            throw new IllegalArgumentException(desc.name() + ": expected " + desc.labelNames().size()
                    + " label values, got " + labelValues.length);
        }
        if (closed) {
            return; // a collector that overran its deadline; its late samples are not wanted
        }
        Family family = families.computeIfAbsent(desc.name(), name -> new Family(desc));
        if (!family.desc.equals(desc)) {
            throw new IllegalArgumentException(desc.name() + ": described twice with different type, help or labels");
        }
        family.values.add(value);
        family.labels.add(labelValues.clone());
        if (point != null) {
            family.points.add(point);
        }
    }

    private record HistogramPoint(double[] bounds, long[] cumulative, double sum, long count) {
    }

    private record SummaryPoint(double[] quantiles, double[] values, double sum, long count) {
    }

    /** Stops accepting samples; later {@code add} calls are ignored. */
    void close() {
        closed = true;
    }

    /** Moves this sink's families into {@code target}, appending to families both hold. */
    void drainInto(SnapshotSink target) {
        for (Family family : families.values()) {
            Family into = target.families.computeIfAbsent(family.desc.name(), name -> new Family(family.desc));
            into.values.addAll(family.values);
            into.labels.addAll(family.labels);
            into.points.addAll(family.points);
        }
        families.clear();
    }

    /** The gathered families as client_java snapshots, in the order they were first seen. */
    public List<MetricSnapshot> toSnapshots() {
        List<MetricSnapshot> out = new ArrayList<>(families.size());
        for (Family family : families.values()) {
            try {
                out.add(family.toSnapshot());
            } catch (IllegalArgumentException e) {
                LOG.error("dropping metric family", "name", family.desc.name(), "err", e.getMessage());
            }
        }
        return out;
    }

    /** One family's samples, kept as parallel lists until the snapshot is built. */
    private static final class Family {
        final Desc desc;
        final List<Double> values = new ArrayList<>();
        final List<String[]> labels = new ArrayList<>();
        /** Per sample of a histogram or summary family: its HistogramPoint or SummaryPoint. */
        final List<Object> points = new ArrayList<>();

        Family(Desc desc) {
            this.desc = desc;
        }

        MetricSnapshot toSnapshot() {
            String name = desc.name();
            DescCache cache = DescCache.of(desc);
            int n = values.size();
            MetricType type = desc.type();
            if (type == MetricType.HISTOGRAM) {
                List<HistogramDataPointSnapshot> data = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    HistogramPoint point = (HistogramPoint) points.get(i);
                    data.add(new HistogramDataPointSnapshot(buckets(point), point.sum(), cache.labels(labels.get(i)),
                            Exemplars.EMPTY, 0));
                }
                return new HistogramSnapshot(cache.metadata(name, desc.help()), data);
            }
            if (type == MetricType.SUMMARY) {
                List<SummaryDataPointSnapshot> data = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    SummaryPoint point = (SummaryPoint) points.get(i);
                    List<Quantile> quantiles = new ArrayList<>(point.quantiles().length);
                    for (int q = 0; q < point.quantiles().length; q++) {
                        quantiles.add(new Quantile(point.quantiles()[q], point.values()[q]));
                    }
                    data.add(new SummaryDataPointSnapshot(point.count(), point.sum(), Quantiles.of(quantiles),
                            cache.labels(labels.get(i)), Exemplars.EMPTY, 0));
                }
                return new SummarySnapshot(cache.metadata(name, desc.help()), data);
            }
            // A gauge named *_total (cAdvisor's container_fs_inodes_total) cannot be a client_java gauge, whose
            // names must not end in _total; it is written as a counter, the only type that keeps the name.
            if ((type == MetricType.COUNTER || type == MetricType.GAUGE) && name.endsWith("_total")) {
                List<CounterDataPointSnapshot> points = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    points.add(new CounterDataPointSnapshot(values.get(i), cache.labels(labels.get(i)), null, 0));
                }
                return new CounterSnapshot(cache.metadata(stripSuffix(name, "_total"), desc.help()), points);
            }
            if (type == MetricType.GAUGE && name.endsWith("_info") && allOnes()) {
                List<InfoDataPointSnapshot> points = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    points.add(new InfoDataPointSnapshot(cache.labels(labels.get(i))));
                }
                return new InfoSnapshot(cache.metadata(stripSuffix(name, "_info"), desc.help()), points);
            }
            if (type == MetricType.GAUGE) {
                List<GaugeDataPointSnapshot> points = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    points.add(new GaugeDataPointSnapshot(values.get(i), cache.labels(labels.get(i)), null));
                }
                return new GaugeSnapshot(cache.metadata(name, desc.help()), points);
            }
            List<UnknownDataPointSnapshot> points = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                points.add(new UnknownDataPointSnapshot(values.get(i), cache.labels(labels.get(i)), null));
            }
            return new UnknownSnapshot(cache.metadata(name, desc.help()), points);
        }

        /** client_java wants per-bucket counts ending in +Inf; the text format has cumulative ones. */
        private static ClassicHistogramBuckets buckets(HistogramPoint point) {
            int n = point.bounds().length;
            boolean hasInf = n > 0 && point.bounds()[n - 1] == Double.POSITIVE_INFINITY;
            int size = hasInf ? n : n + 1;
            double[] bounds = new double[size];
            long[] counts = new long[size];
            long previous = 0;
            for (int i = 0; i < n; i++) {
                bounds[i] = point.bounds()[i];
                counts[i] = Math.max(0, point.cumulative()[i] - previous);
                previous = Math.max(previous, point.cumulative()[i]);
            }
            if (!hasInf) {
                bounds[n] = Double.POSITIVE_INFINITY;
                counts[n] = Math.max(0, point.count() - previous);
            }
            return ClassicHistogramBuckets.of(bounds, counts);
        }

        private boolean allOnes() {
            for (double v : values) {
                if (v != 1.0) {
                    return false;
                }
            }
            return true;
        }

        private static String stripSuffix(String name, String suffix) {
            return name.substring(0, name.length() - suffix.length());
        }
    }
}
