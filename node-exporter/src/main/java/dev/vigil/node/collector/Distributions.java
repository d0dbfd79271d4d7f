package dev.vigil.node.collector;

import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.log.Log;
import dev.vigil.model.MetricType;
import dev.vigil.model.text.ParsedSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reassembles text-format summaries and histograms (their {@code quantile}/{@code le} samples,
 * {@code _sum} and {@code _count}) into one value per label set, as Go's parser does, for the
 * textfile collector.
 */
final class Distributions {
    private static final Log LOG = Log.get(Distributions.class);

    private Distributions() {
    }

    /** One label set's parts. */
    private static final class Parts {
        final TreeMap<Double, Double> points = new TreeMap<>();
        double sum;
        double count;
    }

    /** Sends the family's distributions; false when a sample had a bad {@code le} or {@code quantile}. */
    static boolean emit(Desc desc, List<String> labelNames, List<ParsedSample> samples, MetricSink sink) {
        boolean histogram = desc.type() == MetricType.HISTOGRAM;
        String pointLabel = histogram ? "le" : "quantile";
        Map<List<String>, Parts> byLabels = new LinkedHashMap<>();
        boolean clean = true;
        for (ParsedSample sample : samples) {
            List<String> values = new ArrayList<>(labelNames.size());
            for (String name : labelNames) {
                String value = sample.label(name);
                values.add(value == null ? "" : value);
            }
            Parts parts = byLabels.computeIfAbsent(values, key -> new Parts());
            String name = sample.name();
            if (name.equals(desc.name() + "_sum")) {
                parts.sum = sample.value();
            } else if (name.equals(desc.name() + "_count")) {
                parts.count = sample.value();
            } else {
                String point = sample.label(pointLabel);
                try {
                    parts.points.put(parseBound(point), sample.value());
                } catch (NumberFormatException | NullPointerException e) {
                    LOG.error("failed to collect textfile data", "metric", desc.name(), "err",
                            "sample without a valid " + pointLabel + " label: " + point);
                    clean = false;
                }
            }
        }
        for (Map.Entry<List<String>, Parts> entry : byLabels.entrySet()) {
            Parts parts = entry.getValue();
            String[] labels = entry.getKey().toArray(String[]::new);
            double[] keys = parts.points.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            if (histogram) {
                long[] counts = parts.points.values().stream().mapToLong(Double::longValue).toArray();
                sink.addHistogram(desc, keys, counts, parts.sum, (long) parts.count, labels);
            } else {
                double[] values = parts.points.values().stream().mapToDouble(Double::doubleValue).toArray();
                sink.addSummary(desc, keys, values, parts.sum, (long) parts.count, labels);
            }
        }
        return clean;
    }

    private static double parseBound(String text) {
        return switch (text) {
            case "+Inf", "Inf", "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-Inf", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
