package dev.vigil.jvm.agent.mbean;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Groups samples into client_java families as jmx_exporter 1.0.1 does: one family per name; its type
 * is the rules' type if they all agree, else untyped; its HELP is the first sample's. When two samples
 * of a family have the same labels, every sample of that family gets an extra {@code _objectname}
 * label (bean name and attribute) that tells them apart. Where jmx_exporter would then fail the whole
 * scrape (labels still equal, a label name client_java refuses), the sample is left out instead.
 */
final class FamilyBuilder {
    private FamilyBuilder() {
    }

    /**
     * @param taken family names served by someone else on the same registry (jvm_*, process_*,
     *     jmx_scrape_*): such families are left out, since one name cannot hold two families
     * @param dropped counts samples left out
     */
    static List<MetricSnapshot> build(List<Sample> samples, Predicate<String> taken, int[] dropped) {
        Map<String, List<Sample>> byName = new LinkedHashMap<>();
        for (Sample sample : samples) {
            String name = Naming.familyName(sample.match().name());
            byName.computeIfAbsent(name, n -> new ArrayList<>()).add(sample);
        }
        List<MetricSnapshot> out = new ArrayList<>(byName.size());
        for (Map.Entry<String, List<Sample>> family : byName.entrySet()) {
            if (taken.test(family.getKey())) {
                dropped[0] += family.getValue().size();
                continue;
            }
            MetricSnapshot snapshot = family(family.getKey(), family.getValue(), dropped);
            if (snapshot != null) {
                out.add(snapshot);
            }
        }
        return out;
    }

    private static MetricSnapshot family(String name, List<Sample> samples, int[] dropped) {
        MetricKind kind = samples.getFirst().match().kind();
        for (Sample sample : samples) {
            if (sample.match().kind() != kind) {
                kind = MetricKind.UNKNOWN;
                break;
            }
        }
        List<Labels> labels = new ArrayList<>(samples.size());
        Set<Labels> distinct = new HashSet<>();
        boolean unique = true;
        for (Sample sample : samples) {
            Labels l;
            try {
                l = Labels.of(sample.match().labelNames(), sample.match().labelValues());
            } catch (IllegalArgumentException e) {
                l = null; // a label name client_java refuses (e.g. reserved "__x")
            }
            labels.add(l);
            if (l != null && !distinct.add(l)) {
                unique = false;
            }
        }
        String help = samples.getFirst().match().help();
        Set<Labels> written = new HashSet<>();
        try {
            return switch (kind) {
                case COUNTER -> {
                    CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help);
                    for (int i = 0; i < samples.size(); i++) {
                        Labels l = point(samples.get(i), labels.get(i), unique, written, dropped);
                        if (l != null) {
                            b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(l)
                                    .value(samples.get(i).value()).build());
                        }
                    }
                    yield b.build();
                }
                case GAUGE -> {
                    GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
                    for (int i = 0; i < samples.size(); i++) {
                        Labels l = point(samples.get(i), labels.get(i), unique, written, dropped);
                        if (l != null) {
                            b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(l)
                                    .value(samples.get(i).value()).build());
                        }
                    }
                    yield b.build();
                }
                case UNKNOWN -> {
                    UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(name).help(help);
                    for (int i = 0; i < samples.size(); i++) {
                        Labels l = point(samples.get(i), labels.get(i), unique, written, dropped);
                        if (l != null) {
                            b.dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder().labels(l)
                                    .value(samples.get(i).value()).build());
                        }
                    }
                    yield b.build();
                }
            };
        } catch (IllegalArgumentException e) {
            dropped[0] += samples.size(); // a name client_java refuses
            return null;
        }
    }

    /** The labels one sample is written with, or null (counted) when it cannot be written. */
    private static Labels point(Sample sample, Labels labels, boolean unique, Set<Labels> written, int[] dropped) {
        Labels l = labels;
        if (l != null && !unique) {
            l = l.merge(Labels.of("_objectname", sample.match().objectName()));
        }
        if (l == null || !written.add(l)) {
            dropped[0]++;
            return null;
        }
        return l;
    }
}
