package dev.vigil.container.collector;

import dev.vigil.exporter.Desc;
import dev.vigil.model.MetricType;
import java.util.ArrayList;
import java.util.List;

/**
 * One cAdvisor family: name, HELP, type and the labels it adds to a container's base labels
 * ({@code id}, {@code name}, {@code image} and the label scheme's others).
 */
record Family(String name, String help, MetricType type, List<String> extraLabels) {
    static Family gauge(String name, String help, String... extra) {
        return new Family(name, help, MetricType.GAUGE, List.of(extra));
    }

    static Family counter(String name, String help, String... extra) {
        return new Family(name, help, MetricType.COUNTER, List.of(extra));
    }

    /** The descriptor for this scrape's base label names; extra labels come first, as values are passed. */
    Desc desc(List<String> baseLabels) {
        List<String> names = new ArrayList<>(extraLabels.size() + baseLabels.size());
        names.addAll(extraLabels);
        names.addAll(baseLabels);
        return Desc.of(name, help, type, names.toArray(String[]::new));
    }
}
