package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Fixtures;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConntrackCollectorTest {
    private static final Parity PARITY = Parity.of("node_nf_conntrack_", "node_scrape_collector_success");
    private static final String HEADER = "entries  clashres found new invalid ignore delete chainlength insert"
            + " insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart\n";
    /** Before Linux 5.x the second and eighth columns were searched and delete_list. */
    private static final String OLD_HEADER = "entries  searched found new invalid ignore delete delete_list insert"
            + " insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart\n";

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("conntrack");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void sumsPerCpuCountersLikeNodeExporter(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(tree(dir, OLD_HEADER
                + "0000002a  00000000 00000010 00000100 00000003 00001000 00000005 00000000 00000007 00000001"
                + " 00000002 00000004 00000000  00000000 00000000 00000000 00000009\n"
                + "0000002a  00000000 00000001 00000100 00000003 00001000 00000005 00000000 00000007 00000001"
                + " 00000002 00000004 00000000  00000000 00000000 00000000 ffffffff\n"), "conntrack");
        Scrape ours = Exporters.vigil(args);
        PARITY.assertSame(ours, Exporters.reference(args));
        assertEquals(17.0, value(ours, "node_nf_conntrack_stat_found"));
        assertEquals(8192.0, value(ours, "node_nf_conntrack_stat_ignore"));
        assertEquals(4294967304.0, value(ours, "node_nf_conntrack_stat_search_restart"));
        assertEquals(7.0, value(ours, "node_nf_conntrack_entries"));
    }

    @Test
    void aLineWithoutSeventeenColumnsFails(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(tree(dir, HEADER + "00000000 00000000\n"), "conntrack");
        Scrape ours = Exporters.vigil(args);
        assertEquals(0.0, success(ours));
        assertEquals(0.0, success(Exporters.reference(args)));
    }

    @Test
    void aBlankLineFails(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(tree(dir, HEADER + "\n"), "conntrack");
        assertEquals(0.0, success(Exporters.vigil(args)));
        assertEquals(0.0, success(Exporters.reference(args)));
    }

    @Test
    void headerOnlyStatisticsAreZero(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(tree(dir, HEADER), "conntrack");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void notLoadedMeansNoData(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(NetTrees.write(dir, Map.of()), "conntrack");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void missingStatisticsFileFailsTheCollector(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(NetTrees.write(dir, Map.of(
                "proc/sys/net/netfilter/nf_conntrack_count", "7\n",
                "proc/sys/net/netfilter/nf_conntrack_max", "65536\n")), "conntrack");
        Scrape ours = Exporters.vigil(args);
        assertEquals(0.0, success(ours));
        assertEquals(0.0, success(Exporters.reference(args)));
    }

    private static Path tree(Path dir, String stat) {
        return NetTrees.write(dir, Map.of(
                "proc/sys/net/netfilter/nf_conntrack_count", "7\n",
                "proc/sys/net/netfilter/nf_conntrack_max", Fixtures.read("proc/sys/net/netfilter/nf_conntrack_max"),
                "proc/net/stat/nf_conntrack", stat));
    }

    private static double value(Scrape scrape, String family) {
        return scrape.families.get(family).samples.get(family);
    }

    private static double success(Scrape scrape) {
        return scrape.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"conntrack\"}");
    }
}
