package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

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

    private static Set<String> devices(Scrape scrape) {
        return scrape.families.get("node_disk_reads_completed_total").samples.keySet().stream()
                .map(key -> key.substring(key.indexOf("device=\"") + 8, key.indexOf('"', key.indexOf("device=\"") + 8)))
                .collect(Collectors.toSet());
    }
}
