package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskstatsCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("diskstats");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_disk_").assertSame(ours, Exporters.reference(args));
        assertEquals(Set.of("dm-0", "dm-1", "dm-2", "md0", "nvme0n1", "sda", "sdb", "vda", "zram0"), devices(ours),
                "partitions and loop devices are excluded by default");
        assertEquals(3, ours.families.get("node_disk_device_mapper_info").samples.size());
        assertEquals(2, ours.families.get("node_disk_ata_rotation_rate_rpm").samples.size());
    }

    @Test
    void excludeFlagMatchesNodeExporter() throws Exception {
        List<String> args = Args.fixtureCollector("diskstats", "--collector.diskstats.device-exclude=^(dm-|sd)");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_disk_").assertSame(ours, Exporters.reference(args));
        assertEquals(Set.of("loop0", "loop1", "loop2", "loop3", "loop4", "loop5", "loop6", "loop7", "md0", "nvme0n1",
                "nvme0n1p1", "vda", "zram0"), devices(ours));
    }

    @Test
    void includeFlagMatchesNodeExporter() throws Exception {
        // node_exporter 1.5 wants the default exclude cleared explicitly before it takes an include.
        List<String> args = Args.fixtureCollector("diskstats", "--collector.diskstats.device-exclude=",
                "--collector.diskstats.device-include=^(sda|nvme0n1)");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_disk_").assertSame(ours, Exporters.reference(args));
        assertEquals(Set.of("sda", "sda1", "nvme0n1", "nvme0n1p1"), devices(ours));
        assertTrue(ours.families.get("node_disk_filesystem_info").samples.keySet().stream()
                .anyMatch(key -> key.contains("device=\"sda1\"")));
    }

    @Test
    void includeAloneReplacesTheDefaultExclude() throws Exception {
        Scrape ours = Exporters.vigil(Args.fixtureCollector("diskstats", "--collector.diskstats.device-include=^loop"));
        assertEquals(Set.of("loop0", "loop1", "loop2", "loop3", "loop4", "loop5", "loop6", "loop7"), devices(ours));
    }

    @Test
    void deprecatedIgnoredDevicesFlagMatchesNodeExporter() throws Exception {
        List<String> args = Args.fixtureCollector("diskstats", "--collector.diskstats.ignored-devices=^(sd|dm|md)");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_disk_").assertSame(ours, Exporters.reference(args));
        assertTrue(devices(ours).contains("loop0"));
    }

    @Test
    void conflictingFlagsStopTheStart() {
        assertThrows(AssertionError.class, () -> Exporters.vigil(Args.fixtureCollector("diskstats",
                "--collector.diskstats.device-exclude=^sd", "--collector.diskstats.device-include=^sd")));
        assertThrows(AssertionError.class, () -> Exporters.vigil(Args.fixtureCollector("diskstats",
                "--collector.diskstats.device-exclude=^sd", "--collector.diskstats.ignored-devices=^sd")));
    }

    @Test
    void olderKernelFormatsMatchNodeExporter(@TempDir Path proc) throws Exception {
        // 2.6/3.x lines (11 counters), 4.18 lines (15) and a 5.5 line (17); a line too short is skipped.
        Files.writeString(proc.resolve("diskstats"), """
                   8       0 sda 25354637 34367663 1003346126 18492372 28444756 11134226 505697032 63877960 0 9653692 82621804
                   8      16 sdb 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
                   8      32 sdc 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17
                   8      48 sdd 1 2 3 4
                 259       0 nvme0n1 1 2 3 4 5 6 7 8 9 10 11 12 13
                """);
        List<String> args = StorageTesting.args("diskstats", proc, null);
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_disk_", "node_scrape_collector_success").assertSame(ours, Exporters.reference(args));
        assertEquals(Set.of("sda", "sdb", "sdc", "nvme0n1"), devices(ours));
        assertEquals(3, ours.families.get("node_disk_discards_completed_total").samples.size(), "nvme0n1 has 13");
        assertEquals(1, ours.families.get("node_disk_flush_requests_total").samples.size());
    }

    @Test
    void malformedDiskstatsFailsLikeNodeExporter(@TempDir Path proc) throws Exception {
        Files.writeString(proc.resolve("diskstats"), "   8       0 sda 1 2 3 4 5 6 7 8 9 x 11\n");
        List<String> args = StorageTesting.args("diskstats", proc, null);
        assertEquals(0.0, StorageTesting.success(Exporters.vigil(args)));
        assertEquals(0.0, StorageTesting.success(Exporters.reference(args)));
    }

    private static Set<String> devices(Scrape scrape) {
        return scrape.families.get("node_disk_reads_completed_total").samples.keySet().stream()
                .map(key -> key.substring(key.indexOf("device=\"") + 8, key.indexOf('"', key.indexOf("device=\"") + 8)))
                .collect(Collectors.toSet());
    }
}
