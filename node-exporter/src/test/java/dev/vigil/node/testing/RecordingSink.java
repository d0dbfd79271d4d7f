package dev.vigil.node.testing;

import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sink that keeps every sample, for calling a collector's {@code update} directly. Samples are
 * also keyed as {@code name{label="value",...}} with labels in the descriptor's order; a key sent
 * twice fails the test, as a duplicate series would fail a scrape.
 */
public final class RecordingSink implements MetricSink {
    /** One sample as sent. */
    public record Sample(Desc desc, double value, List<String> labelValues) {
    }

    public final List<Sample> samples = new ArrayList<>();
    public final Map<String, Desc> descs = new LinkedHashMap<>();
    private final Map<String, Double> byKey = new LinkedHashMap<>();

    @Override
    public void add(Desc desc, double value, String... labelValues) {
        if (labelValues.length != desc.labelNames().size()) {
            throw new IllegalArgumentException(desc.name() + ": " + labelValues.length + " label values for "
                    + desc.labelNames());
        }
        descs.put(desc.name(), desc);
        samples.add(new Sample(desc, value, List.of(labelValues)));
        put(key(desc.name(), desc.labelNames(), labelValues, null, null), value);
    }

    /** Kept as its text-format samples: {@code _bucket{...,le="..."}} per bound, {@code _sum}, {@code _count}. */
    @Override
    public void addHistogram(Desc desc, double[] upperBounds, long[] cumulativeCounts, double sum, long count,
            String... labelValues) {
        descs.put(desc.name(), desc);
        for (int i = 0; i < upperBounds.length; i++) {
            put(key(desc.name() + "_bucket", desc.labelNames(), labelValues, "le", bound(upperBounds[i])),
                    cumulativeCounts[i]);
        }
        put(key(desc.name() + "_sum", desc.labelNames(), labelValues, null, null), sum);
        put(key(desc.name() + "_count", desc.labelNames(), labelValues, null, null), count);
    }

    /** Kept as its text-format samples: one per quantile, {@code _sum}, {@code _count}. */
    @Override
    public void addSummary(Desc desc, double[] quantiles, double[] quantileValues, double sum, long count,
            String... labelValues) {
        descs.put(desc.name(), desc);
        for (int i = 0; i < quantiles.length; i++) {
            put(key(desc.name(), desc.labelNames(), labelValues, "quantile", bound(quantiles[i])), quantileValues[i]);
        }
        put(key(desc.name() + "_sum", desc.labelNames(), labelValues, null, null), sum);
        put(key(desc.name() + "_count", desc.labelNames(), labelValues, null, null), count);
    }

    /** The value of the one sample with this name and label values; fails if there is none. */
    public double value(String name, String... labelValues) {
        List<String> wanted = Arrays.asList(labelValues);
        for (Sample sample : samples) {
            if (sample.desc().name().equals(name) && sample.labelValues().equals(wanted)) {
                return sample.value();
            }
        }
        throw new AssertionError("no sample " + name + wanted + " among " + samples);
    }

    /** The value under a key such as {@code node_cpu_seconds_total{cpu="0",mode="user"}}; fails if absent. */
    public double get(String key) {
        Double value = byKey.get(key);
        if (value == null) {
            throw new AssertionError("no sample " + key + " in " + byKey.keySet());
        }
        return value;
    }

    /** Every sample by key, in the order sent. */
    public Map<String, Double> byKey() {
        return Collections.unmodifiableMap(byKey);
    }

    /** How many samples the family has. */
    public long count(String name) {
        return samples.stream().filter(sample -> sample.desc().name().equals(name)).count();
    }

    private void put(String key, double value) {
        if (byKey.put(key, value) != null) {
            throw new AssertionError("sample added twice: " + key);
        }
    }

    private static String key(String name, List<String> labelNames, String[] values, String extra, String extraValue) {
        StringBuilder key = new StringBuilder(name);
        if (values.length == 0 && extra == null) {
            return key.toString();
        }
        key.append('{');
        for (int i = 0; i < values.length; i++) {
            key.append(i == 0 ? "" : ",").append(labelNames.get(i)).append("=\"").append(values[i]).append('"');
        }
        if (extra != null) {
            key.append(values.length == 0 ? "" : ",").append(extra).append("=\"").append(extraValue).append('"');
        }
        return key.append('}').toString();
    }

    private static String bound(double value) {
        return value == Double.POSITIVE_INFINITY ? "+Inf" : Double.toString(value);
    }
}
