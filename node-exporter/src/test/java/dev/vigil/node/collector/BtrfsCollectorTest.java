package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Fixtures;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BtrfsCollectorTest {
    private static final String RAID5 = "fs/btrfs/7f07c59f-6136-449c-ab87-e1cf2328731b";

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("btrfs");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_btrfs_").assertSame(ours, Exporters.reference(args));
        assertEquals(4, ours.families.get("node_btrfs_device_size_bytes").samples.size());
        assertEquals(2, ours.families.get("node_btrfs_info").samples.size());
    }

    @Test
    void missingPiecesLikeNodeExporter(@TempDir Path sys) throws Exception {
        List<String> args = StorageTesting.args("btrfs", null, sys);
        Parity.of("node_btrfs_", "node_scrape_collector_success").assertSame(Exporters.vigil(args),
                Exporters.reference(args));

        Path fs = copy(Fixtures.sys().resolve(RAID5), sys.resolve(RAID5));
        Files.delete(fs.resolve("label"));
        Files.delete(fs.resolve("allocation/data/raid5/used_bytes"));
        Files.writeString(fs.resolve("allocation/global_rsv_size"), "many\n");
        deleteTree(fs.resolve("features"));
        Parity.of("node_btrfs_", "node_scrape_collector_success").assertSame(Exporters.vigil(args),
                Exporters.reference(args));

        deleteTree(fs.resolve("allocation/system"));
        assertEquals(0.0, StorageTesting.success(Exporters.vigil(args)));
        assertEquals(0.0, StorageTesting.success(Exporters.reference(args)));
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
