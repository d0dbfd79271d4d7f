package dev.vigil.node.testing;

import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A sink that keeps every sample, for calling a collector's {@code update} directly. */
public final class RecordingSink implements MetricSink {
    /** One sample as sent. */
    public record Sample(Desc desc, double value, List<String> labelValues) {
    }

    public final List<Sample> samples = new ArrayList<>();
    public final Map<String, Desc> descs = new LinkedHashMap<>();

    @Override
    public void add(Desc desc, double value, String... labelValues) {
        if (labelValues.length != desc.labelNames().size()) {
            throw new IllegalArgumentException(desc.name() + ": " + labelValues.length + " label values for "
                    + desc.labelNames());
        }
        descs.put(desc.name(), desc);
        samples.add(new Sample(desc, value, List.of(labelValues)));
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

    /** How many samples the family has. */
    public long count(String name) {
        return samples.stream().filter(sample -> sample.desc().name().equals(name)).count();
    }
}
