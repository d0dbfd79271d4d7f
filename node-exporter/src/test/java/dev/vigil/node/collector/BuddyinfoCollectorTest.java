package dev.vigil.node.collector;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuddyinfoCollectorTest {
    private static final Parity BUDDYINFO = Parity.of("node_buddyinfo_", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("buddyinfo");
        BUDDYINFO.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void matchesNodeExporterOnTwoNodes(@TempDir Path dir) throws Exception {
        List<String> args = new ScratchTree(dir).file("proc/buddyinfo", """
                Node 0, zone      DMA      1      1      1      0      2      1      1      0      1      1      3
                Node 0, zone    DMA32    759    613    470    315    189     91     36     19     11      9    399
                Node 1, zone   Normal  20423  10324   6150   2510   1131    471    202     94     42     22    108
                """).args("buddyinfo");
        BUDDYINFO.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void mismatchedOrdersFail(@TempDir Path dir) throws Exception {
        List<String> args = new ScratchTree(dir).file("proc/buddyinfo", "Node 0, zone DMA 1 2\nNode 0, zone N 1\n")
                .args("buddyinfo");
        BUDDYINFO.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }
}
