package dev.vigil.node.collector;

import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects samples as {@code name{label="value",...}} to value, labels in descriptor order. */
final class RecordingSink implements MetricSink {
    final Map<String, Double> samples = new LinkedHashMap<>();

    @Override
    public void add(Desc desc, double value, String... labelValues) {
        StringBuilder key = new StringBuilder(desc.name());
        if (labelValues.length > 0) {
            key.append('{');
            for (int i = 0; i < labelValues.length; i++) {
                key.append(i == 0 ? "" : ",").append(desc.labelNames().get(i)).append("=\"").append(labelValues[i])
                        .append('"');
            }
            key.append('}');
        }
        if (samples.put(key.toString(), value) != null) {
            throw new AssertionError("sample added twice: " + key);
        }
    }

    double get(String key) {
        Double value = samples.get(key);
        if (value == null) {
            throw new AssertionError("no sample " + key + " in " + samples.keySet());
        }
        return value;
    }
}
