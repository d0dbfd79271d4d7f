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

class CpufreqCollectorTest {
    private static final Parity CPUFREQ = Parity.of("node_cpu_", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("cpufreq");
        Scrape ours = Exporters.vigil(args);
        CPUFREQ.assertSame(ours, Exporters.reference(args));
        assertEquals(1.9e9, ours.families.get("node_cpu_scaling_frequency_hertz").samples
                .get("node_cpu_scaling_frequency_hertz{cpu=\"1\"}"));
    }

    @Test
    void manyCpusReadInParallelAndUnreadableFilesAreLeftOut(@TempDir Path dir) throws Exception {
        ScratchTree tree = new ScratchTree(dir);
        for (int cpu = 0; cpu < 12; cpu++) {
            String base = "sys/devices/system/cpu/cpu" + cpu + "/cpufreq/";
            // intel_pstate; cpuinfo_cur_freq is root-only, here simply absent on odd CPUs.
            if (cpu % 2 == 0) {
                tree.file(base + "cpuinfo_cur_freq", (1200000 + cpu * 1000) + "\n");
            }
            tree.file(base + "cpuinfo_min_freq", "800000\n").file(base + "cpuinfo_max_freq", "4700000\n")
                    .file(base + "cpuinfo_transition_latency", "0\n")
                    .file(base + "scaling_cur_freq", (1800000 + cpu) + "\n")
                    .file(base + "scaling_min_freq", "800000\n").file(base + "scaling_max_freq", "4700000\n")
                    .file(base + "scaling_available_governors", "performance powersave\n")
                    .file(base + "scaling_driver", "intel_pstate\n").file(base + "scaling_governor", "powersave\n")
                    .file(base + "related_cpus", cpu + "\n").file(base + "scaling_setspeed", "<unsupported>\n");
        }
        tree.file("sys/devices/system/cpu/cpu12/topology/core_id", "0\n");
        List<String> args = tree.args("cpufreq");
        Scrape ours = Exporters.vigil(args);
        CPUFREQ.assertSame(ours, Exporters.reference(args));
        assertEquals(6, ours.families.get("node_cpu_frequency_hertz").samples.size());
        assertEquals(12, ours.families.get("node_cpu_scaling_frequency_hertz").samples.size());
    }

    @Test
    void aVirtualMachineWithoutCpufreqReportsNothing(@TempDir Path dir) throws Exception {
        List<String> args = new ScratchTree(dir).file("sys/devices/system/cpu/cpu0/topology/core_id", "0\n")
                .args("cpufreq");
        Scrape ours = Exporters.vigil(args);
        CPUFREQ.assertSame(ours, Exporters.reference(args));
        assertFalse(ours.families.containsKey("node_cpu_frequency_hertz"));
    }

    @Test
    void aBadNumberFails(@TempDir Path dir) throws Exception {
        List<String> args = new ScratchTree(dir)
                .file("sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq", "fast\n").args("cpufreq");
        CPUFREQ.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }
}
