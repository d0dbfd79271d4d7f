package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetclassCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("netclass");
        Parity.of("node_network_").assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void ignoredDevicesAndInvalidSpeedMatchNodeExporter() throws Exception {
        List<String> args = Args.fixtureCollector("netclass", "--collector.netclass.ignored-devices=^(lo|ifb\\d+)$",
                "--collector.netclass.ignore-invalid-speed");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_network_").assertSame(ours, Exporters.reference(args));
        assertNull(ours.families.get("node_network_up").samples.get("node_network_up{device=\"lo\"}"));
        assertNull(ours.families.get("node_network_speed_bytes").samples
                .get("node_network_speed_bytes{device=\"eth0\"}"), "eth0 reports speed -1");
    }

    @Test
    void oddAttributesMatchNodeExporter(@TempDir Path root) throws Exception {
        Path net = root.resolve("sys/class/net");
        write(net.resolve("x0/mtu"), "abc\n");          // not a number: reads as 0
        write(net.resolve("x0/operstate"), "up\n");
        write(net.resolve("x0/flags"), "0x1003\n");     // hex
        write(net.resolve("x1/tx_queue_len"), "010\n"); // octal, as Go's base-0 parsing has it
        write(net.resolve("x1/speed"), " 12 \n");
        Files.createDirectories(net.resolve("x1/mtu")); // a directory is not an attribute
        Files.createSymbolicLink(net.resolve("x1/ifindex"), Path.of("../x0/flags")); // nor is a link
        write(net.resolve("x1/ifalias"), "uplink \"a\\b\"\n");
        write(net.resolve("bonding_masters"), "bond0\n");
        List<String> args = List.of("--path.sysfs=" + root.resolve("sys"), "--path.procfs=" + root,
                "--collector.disable-defaults", "--collector.netclass");
        Parity.of("node_network_").assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void missingClassDirectoryIsNoData(@TempDir Path root) throws Exception {
        List<String> args = List.of("--path.sysfs=" + root, "--collector.disable-defaults", "--collector.netclass");
        Scrape ours = Exporters.vigil(args);
        assertEquals(0.0, ours.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"netclass\"}"));
        assertFalse(ours.families.containsKey("node_network_up"));
    }

    @Test
    void netlinkModeGivesNodeExporterNetlinkShapeFromSysfs() throws Exception {
        Scrape ours = Exporters.vigil(Args.fixtureCollector("netclass", "--collector.netclass.netlink",
                "--collector.netclass_rtnl.with-stats"));
        assertEquals("Non-numeric data of <iface>, value is always 1.", ours.families.get("node_network_info").help);
        assertEquals(1.0, sample(ours, "node_network_info", "address=\"02:fc:00:00:00:01\",broadcast=\"ff:ff:ff:ff:ff:ff\","
                + "device=\"eth0\",duplex=\"Unknown\",ifalias=\"\",operstate=\"up\""));
        assertEquals(536870911875000.0, sample(ours, "node_network_speed_bytes", "device=\"eth0\""), "u32 -1 Mb/s");
        assertEquals(0x11043, sample(ours, "node_network_flags", "device=\"eth0\""), "UP|BROADCAST|MULTICAST|RUNNING|LOWER_UP");
        assertEquals(0x82, sample(ours, "node_network_flags", "device=\"ifb0\""), "down: no operational bits");
        assertEquals(1.0, sample(ours, "node_network_carrier", "device=\"ifb0\""), "carrier from up/down counts");
        assertEquals(0.0, sample(ours, "node_network_carrier", "device=\"eth2\""), "eth2 went down once, never up");
        assertFalse(ours.families.containsKey("node_network_address_assign_type"));
        assertFalse(ours.families.containsKey("node_network_device_id"));
        assertEquals("counter", ours.families.get("node_network_receive_bytes_total").type, "a gauge in node_exporter");
        assertEquals(Double.parseDouble(Files.readString(Path.of("src/test/fixtures/sys/devices/virtual/net/lo/statistics/rx_bytes")).strip()),
                sample(ours, "node_network_receive_bytes_total", "device=\"lo\""));
    }

    /**
     * node_exporter's netlink mode reads the live kernel; ours reads the live /sys: the two must
     * describe this host's interfaces alike.
     */
    @Test
    void netlinkModeMatchesNodeExporterOnThisHost() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/sys/class/net")), "needs a live /sys");
        List<String> args = List.of("--path.sysfs=/sys", "--path.procfs=/proc", "--collector.disable-defaults",
                "--collector.netclass", "--collector.netclass.netlink", "--collector.netclass_rtnl.with-stats");
        Pattern statistics = Pattern.compile("node_network_(receive|transmit)_.*_total|node_network_(multicast|collisions)_total");
        Scrape ours = Exporters.vigil(args);
        Scrape theirs = Exporters.reference(args);
        Parity.of("node_network_").skip(name -> statistics.matcher(name).matches()).assertSame(ours, theirs);
        // The statistics move between the two reads and are counters here (gauges there): same samples.
        for (Scrape.Family family : theirs.only(List.of("node_network_")).values()) {
            if (statistics.matcher(family.name).matches()) {
                assertEquals(family.samples.keySet(), ours.families.get(family.name).samples.keySet(), family.name);
                assertEquals(family.help, ours.families.get(family.name).help);
            }
        }
    }

    private static Double sample(Scrape scrape, String family, String labels) {
        return scrape.families.get(family).samples.get(family + "{" + labels + "}");
    }

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
