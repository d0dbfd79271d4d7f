package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Fixtures;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BcacheCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("bcache");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_bcache_").assertSame(ours, Exporters.reference(args));
        assertFalse(ours.families.containsKey("node_bcache_priority_stats_unused_percent"));
        assertEquals(1, ours.families.get("node_bcache_writeback_rate").samples.size());
    }

    @Test
    void priorityStatsFlagMatchesNodeExporter() throws Exception {
        List<String> args = Args.fixtureCollector("bcache", "--collector.bcache.priorityStats");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_bcache_").assertSame(ours, Exporters.reference(args));
        assertTrue(ours.families.containsKey("node_bcache_priority_stats_unused_percent"));
    }

    @Test
    void missingAndBrokenFilesLikeNodeExporter(@TempDir Path sys) throws Exception {
        List<String> args = StorageTesting.args("bcache", null, sys, "--collector.bcache.priorityStats");
        assertEquals(StorageTesting.success(Exporters.reference(args)), StorageTesting.success(Exporters.vigil(args)));

        Path set = Fixtures.sys().resolve("fs/bcache/deaddd54-c735-46d5-868e-f331c5fd7c74");
        Path copy = sys.resolve("fs/bcache/deaddd54-c735-46d5-868e-f331c5fd7c74");
        try (Stream<Path> files = Files.walk(set)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(set.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Files.delete(copy.resolve("tree_depth"));
        Files.delete(copy.resolve("bdev0/stats_total/cache_hits"));
        Parity.of("node_bcache_").assertSame(Exporters.vigil(args), Exporters.reference(args));

        Files.delete(copy.resolve("cache0/priority_stats"));
        assertEquals(0.0, StorageTesting.success(Exporters.vigil(args)));
        assertEquals(0.0, StorageTesting.success(Exporters.reference(args)));
        Files.writeString(copy.resolve("cache0/priority_stats"), "Unused:\t99%\n");
        Files.writeString(copy.resolve("stats_five_minute/bypassed"), "lots\n");
        assertEquals(0.0, StorageTesting.success(Exporters.vigil(args)));
        assertEquals(0.0, StorageTesting.success(Exporters.reference(args)));
    }
}
