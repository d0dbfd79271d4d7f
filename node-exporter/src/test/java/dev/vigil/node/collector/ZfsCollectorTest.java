package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZfsCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("zfs");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_zfs_").assertSame(ours, Exporters.reference(args));
        assertEquals(12, ours.families.get("node_zfs_zpool_state").samples.size());
        assertEquals(3, ours.families.get("node_zfs_zpool_dataset_nread").samples.size());
    }

    @Test
    void withoutZfsAndWithBrokenKstatsLikeNodeExporter(@TempDir Path proc) throws Exception {
        List<String> args = StorageTesting.args("zfs", proc, null);
        assertEquals(0.0, StorageTesting.success(Exporters.vigil(args)));
        assertEquals(0.0, StorageTesting.success(Exporters.reference(args)));

        Path zfs = Files.createDirectories(proc.resolve("spl/kstat/zfs"));
        Files.writeString(zfs.resolve("zil"), "10 1 0x01 1 624 1 2\nname type data\nzil_commit_count 4 7\n");
        Files.createDirectories(zfs.resolve("tank"));
        Files.writeString(zfs.resolve("tank/state"), "SUSPENDED\n");
        Parity.of("node_zfs_").assertSame(Exporters.vigil(args), Exporters.reference(args));

        Files.writeString(zfs.resolve("arcstats"), "13 1 0x01 1 2 3 4\nhits 4 1\n");
        assertEquals(0.0, StorageTesting.success(Exporters.vigil(args)));
        assertEquals(0.0, StorageTesting.success(Exporters.reference(args)));
        Files.writeString(zfs.resolve("arcstats"), "13 1 0x01 1 2 3 4\nname type data\nhits 4 x\n");
        assertEquals(0.0, StorageTesting.success(Exporters.vigil(args)));
        assertEquals(0.0, StorageTesting.success(Exporters.reference(args)));
    }
}
