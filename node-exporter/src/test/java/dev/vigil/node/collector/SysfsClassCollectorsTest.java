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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nvme, fibrechannel and tapestats collectors: one sysfs class each. */
class SysfsClassCollectorsTest {

    @Test
    void nvmeMatchesNodeExporter() throws Exception {
        List<String> args = Args.fixtureCollector("nvme");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_nvme_").assertSame(ours, Exporters.reference(args));
        assertTrue(ours.families.get("node_nvme_info").samples.keySet().stream()
                .anyMatch(key -> key.contains("model=\"Samsung SSD 970 EVO Plus 1TB\"")), "padding trimmed");
    }

    @Test
    void fibrechannelMatchesNodeExporter() throws Exception {
        List<String> args = Args.fixtureCollector("fibrechannel");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_fibrechannel_").assertSame(ours, Exporters.reference(args));
        assertFalse(ours.families.containsKey("node_fibrechannel_dumped_frames_total"), "unimplemented counter");
    }

    @Test
    void tapestatsMatchesNodeExporter() throws Exception {
        List<String> args = Args.fixtureCollector("tapestats");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_tape_").assertSame(ours, Exporters.reference(args));
        assertEquals(2, ours.families.get("node_tape_io_now").samples.size(), "st0 and st1, not nst0 or st0a");
    }

    @Test
    void tapestatsIgnoredDevicesMatchesNodeExporter() throws Exception {
        List<String> args = Args.fixtureCollector("tapestats", "--collector.tapestats.ignored-devices=^st1$");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_tape_").assertSame(ours, Exporters.reference(args));
        assertEquals(1, ours.families.get("node_tape_io_now").samples.size());
    }

    @Test
    void absentClassesAreNoData(@TempDir Path sys) throws Exception {
        for (String collector : List.of("nvme", "fibrechannel", "tapestats")) {
            List<String> args = StorageTesting.args(collector, null, sys);
            assertEquals(0.0, StorageTesting.success(Exporters.vigil(args)), collector);
            assertEquals(0.0, StorageTesting.success(Exporters.reference(args)), collector);
        }
    }

    @Test
    void missingAttributesFailLikeNodeExporter(@TempDir Path sys) throws Exception {
        Path nvme = Files.createDirectories(sys.resolve("class/nvme/nvme0"));
        Files.writeString(nvme.resolve("model"), "X\n");
        Path fc = Files.createDirectories(sys.resolve("class/fc_host/host3/statistics"));
        Files.writeString(fc.resolve("rx_frames"), "0x10\n");
        Files.createDirectories(sys.resolve("class/scsi_tape/st0"));
        for (String collector : List.of("nvme", "fibrechannel", "tapestats")) {
            List<String> args = StorageTesting.args(collector, null, sys);
            assertEquals(0.0, StorageTesting.success(Exporters.vigil(args)), collector);
            assertEquals(0.0, StorageTesting.success(Exporters.reference(args)), collector);
        }
    }

    @Test
    void fibreChannelSkipsUnknownAndMissingStatistics(@TempDir Path sys) throws Exception {
        Path host = Fixtures.sys().resolve("class/fc_host/host0").toRealPath();
        Path copy = BtrfsCollectorTest.copy(host, sys.resolve("class/fc_host/host7"));
        Files.delete(copy.resolve("statistics/rx_words"));
        Files.writeString(copy.resolve("statistics/lip_count"), "not a number\n");
        List<String> args = StorageTesting.args("fibrechannel", null, sys);
        Parity.of("node_fibrechannel_", "node_scrape_collector_success").assertSame(Exporters.vigil(args),
                Exporters.reference(args));
    }
}
