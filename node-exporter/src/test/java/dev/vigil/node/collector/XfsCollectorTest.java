package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XfsCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("xfs");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_xfs_").assertSame(ours, Exporters.reference(args));
        assertEquals(2, ours.families.get("node_xfs_read_calls_total").samples.size());
    }

    @Test
    void noXfsAndBrokenStatsMatchNodeExporter(@TempDir Path sys) throws Exception {
        List<String> args = StorageTesting.args("xfs", null, sys);
        Scrape ours = Exporters.vigil(args);
        assertEquals(StorageTesting.success(Exporters.reference(args)), StorageTesting.success(ours));
        assertTrue(ours.only(List.of("node_xfs_")).isEmpty());
        Files.createDirectories(sys.resolve("fs/xfs/sdz1/stats"));
        Files.writeString(sys.resolve("fs/xfs/sdz1/stats/stats"), "rw 1 2 3\n");
        assertEquals(0.0, StorageTesting.success(Exporters.vigil(args)));
        assertEquals(0.0, StorageTesting.success(Exporters.reference(args)));
    }
}
