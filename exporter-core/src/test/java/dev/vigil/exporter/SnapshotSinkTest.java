package dev.vigil.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.exporter.exposition.Exposition;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a collector's samples look like once written, in both formats: an inline golden text. */
class SnapshotSinkTest {

    private static String render(SnapshotSink sink, String accept) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exposition.render(new MetricSnapshots(sink.toSnapshots()), accept, false, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static SnapshotSink sample() {
        SnapshotSink sink = new SnapshotSink();
        sink.add(Desc.counter("node_cpu_seconds_total", "Seconds the CPUs spent in each mode.", "cpu", "mode"), 10.5, "0", "user");
        sink.add(Desc.counter("node_cpu_seconds_total", "Seconds the CPUs spent in each mode.", "cpu", "mode"), 100, "0", "idle");
        sink.add(Desc.gauge("node_load1", "1m load average."), 0.5);
        sink.add(Desc.untyped("node_vmstat_pgfault", "/proc/vmstat information field pgfault."), 12345);
        sink.add(Desc.gauge("node_uname_info", "Labeled system information.", "sysname"), 1, "Linux");
        sink.add(Desc.counter("node_odd", "A counter without the suffix."), 3);
        return sink;
    }

    @Test
    void textFormatKeepsNodeExporterNamesTypesAndLabelOrder() throws Exception {
        assertEquals("""
                # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
                # TYPE node_cpu_seconds_total counter
                node_cpu_seconds_total{cpu="0",mode="idle"} 100.0
                node_cpu_seconds_total{cpu="0",mode="user"} 10.5
                # HELP node_load1 1m load average.
                # TYPE node_load1 gauge
                node_load1 0.5
                # HELP node_odd A counter without the suffix.
                # TYPE node_odd untyped
                node_odd 3.0
                # HELP node_uname_info Labeled system information.
                # TYPE node_uname_info gauge
                node_uname_info{sysname="Linux"} 1
                # HELP node_vmstat_pgfault /proc/vmstat information field pgfault.
                # TYPE node_vmstat_pgfault untyped
                node_vmstat_pgfault 12345.0
                """, render(sample(), null));
    }

    @Test
    void aGaugeNamedTotalKeepsItsNameAsACounter() throws Exception {
        SnapshotSink sink = new SnapshotSink();
        sink.add(Desc.gauge("container_fs_inodes_total", "Number of Inodes", "device"), 16777216, "/dev/vda");
        assertEquals("""
                # HELP container_fs_inodes_total Number of Inodes
                # TYPE container_fs_inodes_total counter
                container_fs_inodes_total{device="/dev/vda"} 1.6777216E7
                """, render(sink, null));
    }

    @Test
    void openMetricsUsesItsOwnTypeWords() throws Exception {
        assertEquals("""
                # TYPE node_cpu_seconds counter
                # HELP node_cpu_seconds Seconds the CPUs spent in each mode.
                node_cpu_seconds_total{cpu="0",mode="idle"} 100.0
                node_cpu_seconds_total{cpu="0",mode="user"} 10.5
                # TYPE node_load1 gauge
                # HELP node_load1 1m load average.
                node_load1 0.5
                # TYPE node_odd unknown
                # HELP node_odd A counter without the suffix.
                node_odd 3.0
                # TYPE node_uname info
                # HELP node_uname Labeled system information.
                node_uname_info{sysname="Linux"} 1
                # TYPE node_vmstat_pgfault unknown
                # HELP node_vmstat_pgfault /proc/vmstat information field pgfault.
                node_vmstat_pgfault 12345.0
                # EOF
                """, render(sample(), "application/openmetrics-text; version=1.0.0; charset=utf-8"));
    }

    @Test
    void wrongLabelCountIsTheCollectorsBug() {
        SnapshotSink sink = new SnapshotSink();
        assertThrows(IllegalArgumentException.class, () -> sink.add(Desc.gauge("a", "b", "x"), 1));
    }

    @Test
    void aRepeatedSeriesDropsOnlyItsFamily() throws Exception {
        SnapshotSink sink = new SnapshotSink();
        Desc dup = Desc.gauge("test_dup", "Repeated.", "x");
        sink.add(dup, 1, "a");
        sink.add(dup, 2, "a");
        sink.add(Desc.gauge("test_fine", "Fine."), 1);
        assertEquals("# HELP test_fine Fine.\n# TYPE test_fine gauge\ntest_fine 1.0\n", render(sink, null));
    }
}
