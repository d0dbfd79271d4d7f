package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PressureCollectorTest {
    private static final Parity PRESSURE = Parity.of("node_pressure_", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("pressure");
        Scrape ours = Exporters.vigil(args);
        PRESSURE.assertSame(ours, Exporters.reference(args));
        // This host's kernel writes a "full" line for cpu; node_exporter 1.5 does not export it.
        assertFalse(ours.families.containsKey("node_pressure_cpu_stalled_seconds_total"));
        assertEquals(5, ours.families.keySet().stream().filter(name -> name.startsWith("node_pressure_")).count());
    }

    @Test
    void aKernelBefore513HasNoCpuFullLine(@TempDir Path dir) throws Exception {
        List<String> args = new ScratchTree(dir)
                .file("proc/pressure/cpu", "some avg10=1.53 avg60=0.87 avg300=0.72 total=16556199\n")
                .file("proc/pressure/io", "some avg10=0.00 avg60=0.00 avg300=0.00 total=271000\n"
                        + "full avg10=0.00 avg60=0.00 avg300=0.00 total=215000\n")
                .file("proc/pressure/memory", "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n"
                        + "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n")
                .args("pressure");
        PRESSURE.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void aKernelWithoutPsiHasNoData(@TempDir Path dir) throws Exception {
        List<String> args = new ScratchTree(dir).args("pressure");
        Scrape ours = Exporters.vigil(args);
        PRESSURE.assertSame(ours, Exporters.reference(args));
        assertEquals(0.0, ours.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"pressure\"}"));
    }

    @Test
    void aMalformedFileFails(@TempDir Path dir) throws Exception {
        List<String> args = new ScratchTree(dir).file("proc/pressure/cpu", "some avg10=x\n")
                .fixture("proc/pressure/io").fixture("proc/pressure/memory").args("pressure");
        PRESSURE.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }
}
