package dev.vigil.exporter;

import dev.vigil.model.MetricNames;
import dev.vigil.model.MetricType;
import java.util.List;

/**
 * Describes one metric family: its full name as exposed (counters keep their {@code _total}
 * suffix, as in node_exporter), HELP text, type and label names. Collectors create their
 * descriptors once and reuse them on every scrape.
 */
public record Desc(String name, String help, MetricType type, List<String> labelNames) {

    public Desc {
        MetricNames.requireMetricName(name);
        for (String label : labelNames) {
            MetricNames.requireLabelName(label);
        }
        labelNames = List.copyOf(labelNames);
    }

    public static Desc gauge(String name, String help, String... labelNames) {
        return new Desc(name, help, MetricType.GAUGE, List.of(labelNames));
    }

    public static Desc counter(String name, String help, String... labelNames) {
        return new Desc(name, help, MetricType.COUNTER, List.of(labelNames));
    }

    /** A summary or histogram: its samples go through {@link MetricSink#addSummary} or {@link MetricSink#addHistogram}. */
    public static Desc of(String name, String help, MetricType type, String... labelNames) {
        return new Desc(name, help, type, List.of(labelNames));
    }

    public static Desc untyped(String name, String help, String... labelNames) {
        return new Desc(name, help, MetricType.UNTYPED, List.of(labelNames));
    }
}
