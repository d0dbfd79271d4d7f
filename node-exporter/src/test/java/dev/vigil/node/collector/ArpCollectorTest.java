package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArpCollectorTest {
    private static final Parity PARITY = Parity.of("node_arp_", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("arp");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void countsEntriesPerDeviceIncompleteOnesToo() throws Exception {
        Scrape scrape = Exporters.vigil(Args.fixtureCollector("arp"));
        assertEquals(Map.of("node_arp_entries{device=\"br0\"}", 3.0, "node_arp_entries{device=\"eth0\"}", 2.0,
                "node_arp_entries{device=\"veth1a2b3c\"}", 1.0), scrape.families.get("node_arp_entries").samples);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--collector.arp.device-include=^br", "--collector.arp.device-exclude=^veth",
        "--collector.arp.device-include=e|b,--collector.arp.device-exclude=^veth", "--collector.arp.device-include=nomatch"})
    void deviceFlagsMatchNodeExporter(String flags) throws Exception {
        List<String> args = Args.fixtureCollector("arp", flags.split(","));
        Scrape ours = Exporters.vigil(args);
        PARITY.assertSame(ours, Exporters.reference(args));
    }

    @Test
    void includeAndExcludeAreBothApplied() throws Exception {
        Scrape scrape = Exporters.vigil(Args.fixtureCollector("arp", "--collector.arp.device-include=e",
                "--collector.arp.device-exclude=^veth"));
        assertEquals(Map.of("node_arp_entries{device=\"eth0\"}", 2.0),
                scrape.families.get("node_arp_entries").samples);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "IP address HW type Flags HW address Mask Device\n192.0.2.1 0x1 0x2 02:fc:00:00:00:05 * eth0 extra\n",
        "IP address HW type Flags HW address Mask Device\n192.0.2.1 0x1 0x2 * eth0\n",
        "",
        "IP address HW type Flags HW address Mask Device\n\n192.0.2.1 0x1 0x2 02:fc:00:00:00:05 * eth0\n\n",
        "IP address HW type Flags HW address Mask Device\n192.0.2.1 0x1 0x2 02:fc:00:00:00:05 * eth0 x y z\n",
        "IP address HW type Flags HW address\n192.0.2.1 0x1 0x2 02:fc:00:00:00:05 * eth0",
    })
    void oddTablesMatchNodeExporter(String table, @TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(NetTrees.write(dir, Map.of("proc/net/arp", table)), "arp");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void missingTableFails(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(NetTrees.write(dir, Map.of()), "arp");
        Scrape ours = Exporters.vigil(args);
        PARITY.assertSame(ours, Exporters.reference(args));
        assertEquals(0.0, ours.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"arp\"}"));
    }
}
