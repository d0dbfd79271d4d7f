package dev.vigil.jvm.collector;

import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps every sample as {@code name{label="value",...}} → value; a summary as its _count and _sum. */
final class RecordingSink implements MetricSink {
    final Map<String, Double> samples = new LinkedHashMap<>();
    final List<String> descs = new ArrayList<>();

    @Override
    public void add(Desc desc, double value, String... labelValues) {
        put(desc, desc.name(), value, labelValues);
    }

    @Override
    public void addHistogram(Desc desc, double[] upperBounds, long[] cumulativeCounts, double sum, long count,
            String... labelValues) {
        throw new AssertionError(desc.name() + ": the jvm collector writes no histograms");
    }

    @Override
    public void addSummary(Desc desc, double[] quantiles, double[] quantileValues, double sum, long count,
            String... labelValues) {
        put(desc, desc.name() + "_count", count, labelValues);
        put(desc, desc.name() + "_sum", sum, labelValues);
    }

    private void put(Desc desc, String name, double value, String[] labelValues) {
        if (labelValues.length != desc.labelNames().size()) {
            throw new IllegalArgumentException(desc.name() + ": label count");
        }
        StringBuilder key = new StringBuilder(name).append('{');
        for (int i = 0; i < labelValues.length; i++) {
            key.append(i == 0 ? "" : ",").append(desc.labelNames().get(i)).append("=\"").append(labelValues[i]).append('"');
        }
        String k = key.append('}').toString();
        if (samples.put(k, value) != null) {
            throw new IllegalStateException("duplicate series " + k);
        }
        if (!descs.contains(desc.name())) {
            descs.add(desc.name());
        }
    }

    /** The value of the series whose key starts with {@code name{pid="<pid>",} and contains every fragment. */
    Double find(String name, int pid, String... fragments) {
        String prefix = name + "{pid=\"" + pid + "\"";
        Double found = null;
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            boolean all = true;
            for (String f : fragments) {
                all &= e.getKey().contains(f);
            }
            if (all) {
                if (found != null) {
                    throw new IllegalStateException("more than one series match " + name + " " + List.of(fragments));
                }
                found = e.getValue();
            }
        }
        return found;
    }

    /** The values of label {@code label} over the series of {@code name} for {@code pid}. */
    List<String> labelValues(String name, int pid, String label) {
        List<String> values = new ArrayList<>();
        String prefix = name + "{pid=\"" + pid + "\"";
        for (String key : samples.keySet()) {
            int at = key.indexOf(label + "=\"");
            if (key.startsWith(prefix) && at >= 0) {
                int start = at + label.length() + 2;
                values.add(key.substring(start, key.indexOf('"', start)));
            }
        }
        return values;
    }

    boolean anyFor(int pid) {
        return samples.keySet().stream().anyMatch(k -> k.contains("pid=\"" + pid + "\""));
    }
}
