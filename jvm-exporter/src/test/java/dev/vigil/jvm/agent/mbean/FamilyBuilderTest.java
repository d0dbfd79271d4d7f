package dev.vigil.jvm.agent.mbean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Families as jmx_exporter 1.0.1's MatchedRuleToMetricSnapshotsConverter makes them. */
class FamilyBuilderTest {
    private static Sample sample(String name, MetricKind kind, String help, String matchName, double value, String... labels) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < labels.length; i += 2) {
            names.add(labels[i]);
            values.add(labels[i + 1]);
        }
        return new Sample(new Match(name, matchName, kind, help, names, values, null, 1), value);
    }

    private static List<MetricSnapshot> build(Set<String> taken, Sample... samples) {
        return FamilyBuilder.build(List.of(samples), taken::contains, new int[1]);
    }

    private static Set<Labels> labels(MetricSnapshot snapshot) {
        return snapshot.getDataPoints().stream().map(p -> p.getLabels()).collect(Collectors.toSet());
    }

    @Test
    void oneFamilyPerNameTypedByItsRulesAndHelpOfTheFirst() {
        List<MetricSnapshot> out = build(Set.of(),
                sample("a", MetricKind.GAUGE, "first", "x<>A: 1", 1, "k", "1"),
                sample("a", MetricKind.GAUGE, "second", "x<>A: 2", 2, "k", "2"),
                sample("c", MetricKind.COUNTER, "h", "x<>C: 3", 3));
        assertEquals(2, out.size());
        GaugeSnapshot a = (GaugeSnapshot) out.get(0);
        assertEquals("first", a.getMetadata().getHelp());
        assertEquals(Set.of(Labels.of("k", "1"), Labels.of("k", "2")), labels(a));
        assertEquals(CounterSnapshot.class, out.get(1).getClass());
    }

    @Test
    void typesThatDisagreeMakeTheFamilyUntyped() {
        List<MetricSnapshot> out = build(Set.of(),
                sample("a", MetricKind.GAUGE, "h", "x<>A: 1", 1, "k", "1"),
                sample("a", MetricKind.COUNTER, "h", "x<>B: 2", 2, "k", "2"));
        assertEquals(UnknownSnapshot.class, out.getFirst().getClass());
    }

    @Test
    void equalLabelSetsAddObjectnameToEverySampleOfTheFamily() {
        List<MetricSnapshot> out = build(Set.of(),
                sample("a", MetricKind.GAUGE, "h", "app<type=T><>A: 1", 1),
                sample("a", MetricKind.GAUGE, "h", "app<type=T><>B: 2", 2),
                sample("b", MetricKind.GAUGE, "h", "app<type=T><>C: 3", 3, "k", "v"));
        assertEquals(Set.of(Labels.of("_objectname", "app<type=T><>A"), Labels.of("_objectname", "app<type=T><>B")),
                labels(out.get(0)));
        assertEquals(Set.of(Labels.of("k", "v")), labels(out.get(1)), "other families keep their labels");
    }

    @Test
    void stillEqualLabelsKeepTheFirstSampleAndBadLabelNamesAreLeftOut() {
        int[] dropped = new int[1];
        List<MetricSnapshot> out = FamilyBuilder.build(List.of(
                sample("a", MetricKind.GAUGE, "h", "app<><>A: 1", 1),
                sample("a", MetricKind.GAUGE, "h", "app<><>A: 2", 2),
                sample("a", MetricKind.GAUGE, "h", "app<><>B: 3", 3, "__reserved", "x")), n -> false, dropped);
        GaugeSnapshot a = (GaugeSnapshot) out.getFirst();
        assertEquals(1, a.getDataPoints().size());
        assertEquals(1.0, a.getDataPoints().getFirst().getValue());
        assertEquals(2, dropped[0]);
    }

    @Test
    void reservedSuffixesAreTakenOffAndTakenNamesLeftOut() {
        List<MetricSnapshot> out = build(Set.of("jvm_threads_current"),
                sample("g_total", MetricKind.GAUGE, "h", "a<><>A: 1", 1),
                sample("jvm_threads_current", MetricKind.GAUGE, "h", "a<><>B: 1", 1));
        assertEquals(1, out.size());
        assertEquals("g", out.getFirst().getMetadata().getName());
    }
}
