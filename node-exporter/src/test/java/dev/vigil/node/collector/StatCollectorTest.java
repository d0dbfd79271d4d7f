package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.node.procfs.StatTest;
import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatCollectorTest {
    private static final Parity STAT = Parity.of("node_intr", "node_context_switches", "node_forks", "node_boot_time",
            "node_procs_", "node_softirqs", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("stat");
        Scrape ours = Exporters.vigil(args);
        STAT.assertSame(ours, Exporters.reference(args));
        assertFalse(ours.families.containsKey("node_softirqs_total"));
    }

    @Test
    void softirqsPerVectorWithTheFlag() throws Exception {
        List<String> args = Args.fixtureCollector("stat", "--collector.stat.softirq");
        Scrape ours = Exporters.vigil(args);
        STAT.assertSame(ours, Exporters.reference(args));
        assertEquals(10, ours.families.get("node_softirqs_total").samples.size());
    }

    @Test
    void matchesNodeExporterOnOtherArchitectures(@TempDir Path dir) throws Exception {
        for (String stat : List.of(StatTest.ARM64, StatTest.PPC64LE, StatTest.S390X)) {
            List<String> args = new ScratchTree(dir).file("proc/stat", stat).args("stat", "--collector.stat.softirq");
            STAT.assertSame(Exporters.vigil(args), Exporters.reference(args));
        }
    }

    @Test
    void anOldKernelWithoutSoftirqLineReportsZeros(@TempDir Path dir) throws Exception {
        List<String> args = new ScratchTree(dir).file("proc/stat", StatTest.LINUX_2_6_18)
                .args("stat", "--collector.stat.softirq");
        Scrape ours = Exporters.vigil(args);
        STAT.assertSame(ours, Exporters.reference(args));
        assertEquals(0.0, ours.families.get("node_softirqs_total").samples.get("node_softirqs_total{vector=\"rcu\"}"));
    }

    @Test
    void aBrokenFileFailsLikeNodeExporter(@TempDir Path dir) throws Exception {
        List<String> args = new ScratchTree(dir).file("proc/stat", "ctxt many\n").args("stat");
        Scrape ours = Exporters.vigil(args);
        STAT.assertSame(ours, Exporters.reference(args));
        assertEquals(0.0, ours.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"stat\"}"));
    }
}
