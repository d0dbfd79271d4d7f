package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeminfoNumaCollectorTest {
    private static final Parity NUMA = Parity.of("node_memory_numa_", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("meminfo_numa");
        Scrape ours = Exporters.vigil(args);
        NUMA.assertSame(ours, Exporters.reference(args));
        assertEquals("counter", ours.families.get("node_memory_numa_numa_hit_total").type);
    }

    @Test
    void matchesNodeExporterOnTwoNodes(@TempDir Path dir) throws Exception {
        ScratchTree tree = new ScratchTree(dir).fixture("sys/devices/system/node/node0/meminfo")
                .fixture("sys/devices/system/node/node0/numastat")
                .file("sys/devices/system/node/node1/meminfo", """
                        Node 1 MemTotal:       65980664 kB
                        Node 1 MemFree:        61231204 kB
                        Node 1 Active(anon):     812344 kB
                        Node 1 HugePages_Total:     0
                        """)
                .file("sys/devices/system/node/node1/numastat", """
                        numa_hit 1180204
                        numa_miss 12
                        numa_foreign 0
                        interleave_hit 8712
                        local_node 1179001
                        other_node 1215
                        """)
                .file("sys/devices/system/node/possible", "0-1\n");
        List<String> args = tree.args("meminfo_numa");
        Scrape ours = Exporters.vigil(args);
        NUMA.assertSame(ours, Exporters.reference(args));
        assertEquals(2, ours.families.get("node_memory_numa_MemTotal").samples.size());
    }

    @Test
    void aMachineWithoutNodesReportsNothing(@TempDir Path dir) throws Exception {
        List<String> args = new ScratchTree(dir).args("meminfo_numa");
        NUMA.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void aMalformedLineFails(@TempDir Path dir) throws Exception {
        List<String> args = new ScratchTree(dir).file("sys/devices/system/node/node0/meminfo", "Node 0 MemTotal: 1 MB\n")
                .fixture("sys/devices/system/node/node0/numastat").args("meminfo_numa");
        NUMA.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }
}
