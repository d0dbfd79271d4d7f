package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.node.sysfs.NetStatistics;
import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetdevCollectorTest {
    private static final Parity PARITY = Parity.of("node_network_", "node_scrape_collector_success");
    /** In fixture tests both read /proc/net/dev: node_exporter's netlink would read this live host. */
    private static final String PROC = "--no-collector.netdev.netlink";

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("netdev", PROC);
        Scrape ours = Exporters.vigil(args);
        PARITY.assertSame(ours, Exporters.reference(args));
        assertEquals("counter", ours.families.get("node_network_receive_bytes_total").type);
        assertEquals(57925187.0, ours.families.get("node_network_receive_bytes_total").samples
                .get("node_network_receive_bytes_total{device=\"eth0\"}"));
        assertTrue(ours.text.contains("device=\"eth0\"") && !ours.text.contains("device=\"lo\""), "lo is excluded by default");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--collector.netdev.enable-detailed-metrics",
        "--collector.netdev.device-exclude=",
        "--collector.netdev.device-exclude=^ifb",
        "--collector.netdev.device-include=^(eth|lo),--collector.netdev.device-exclude=",
        "--collector.netdev.device-include=1,--collector.netdev.device-exclude=,--collector.netdev.enable-detailed-metrics",
    })
    void flagsMatchNodeExporter(String flags) throws Exception {
        List<String> args = new ArrayList<>(List.of(PROC));
        args.addAll(List.of(flags.split(",")));
        args = Args.fixtureCollector("netdev", args.toArray(String[]::new));
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    /**
     * node_exporter 1.5 upstream has no default exclude; Debian's build defaults it to ^lo$ and then
     * refuses an include pattern unless the exclude is emptied. We keep the ^lo$ default but let an
     * include pattern replace it, as upstream's empty default would.
     */
    @Test
    void anIncludePatternReplacesTheDefaultExclude() throws Exception {
        Scrape ours = Exporters.vigil(Args.fixtureCollector("netdev", PROC, "--collector.netdev.device-include=^lo$"));
        assertEquals(Set.of("node_network_receive_bytes_total{device=\"lo\"}"),
                ours.families.get("node_network_receive_bytes_total").samples.keySet());
    }

    @Test
    void explicitIncludeAndExcludeAreMutuallyExclusive() {
        AssertionError error = assertThrows(AssertionError.class, () -> Exporters.vigil(Args.fixtureCollector("netdev",
                "--collector.netdev.device-include=eth", "--collector.netdev.device-exclude=^lo$")));
        assertTrue(error.getMessage().contains("device-exclude & device-include are mutually exclusive"), error.getMessage());
    }

    /** Other kernels' files: a 2.6 bond with errors, 64-bit counters, names with dots and dashes. */
    @Test
    void otherKernelsMatchNodeExporter(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(NetTrees.write(dir, Map.of("proc/net/dev", """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo:   13480     168    0    0    0     0          0         0    13480     168    0    0    0     0       0          0
                 bond0: 18446744073709551615 3391713   12  401    3     7          0    1024 2309823402 2913411    1    2    3     4       5          6
                eth0.100: 1234 5 0 0 0 0 0 0 5678 9 0 0 0 0 0 0
                veth-a1b2:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0
                """)), "netdev", PROC, "--collector.netdev.device-exclude=");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void missingFileMeansNoData(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(NetTrees.write(dir, Map.of()), "netdev", PROC);
        Scrape ours = Exporters.vigil(args);
        assertEquals(0.0, ours.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"netdev\"}"));
        assertEquals(Map.of(), ours.only(List.of("node_network_")));
    }

    /** Netlink mode over a sysfs tree: /proc/net/dev plus rx_nohandler, as node_exporter's legacy names. */
    @Test
    void netlinkModeAddsTheNoHandlerCounter(@TempDir Path dir) throws Exception {
        Path root = NetTrees.write(dir, Map.of("proc/net/dev", """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                  eth0: 100 2 3 4 5 6 7 8 200 9 10 11 12 13 14 15
                  eth1: 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1
                """, "sys/class/net/eth0/statistics/rx_nohandler", "42\n"));
        Scrape ours = Exporters.vigil(NetTrees.args(root, "netdev"));
        assertEquals(Map.of("node_network_receive_nohandler_total{device=\"eth0\"}", 42.0,
                "node_network_receive_nohandler_total{device=\"eth1\"}", 0.0),
                ours.families.get("node_network_receive_nohandler_total").samples);
        assertEquals(17, ours.only(List.of("node_network_")).size());
        assertEquals(4.0, ours.families.get("node_network_receive_drop_total").samples
                .get("node_network_receive_drop_total{device=\"eth0\"}"));
    }

    /** Netlink mode with detailed metrics: every rtnl_link_stats64 counter from sysfs. */
    @Test
    void detailedNetlinkModeReadsEverySysfsCounter(@TempDir Path dir) throws Exception {
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i < NetStatistics.FILES.size(); i++) {
            files.put("sys/devices/pci0000:00/0000:00:03.0/net/eth0/statistics/" + NetStatistics.FILES.get(i), (i + 1) + "\n");
        }
        files.put("sys/devices/virtual/net/lo/statistics/rx_bytes", "7\n");
        files.put("sys/class/net/bonding_masters", "bond0\n");
        Path root = NetTrees.write(dir, files);
        Files.createSymbolicLink(root.resolve("sys/class/net/eth0"), Path.of("../../devices/pci0000:00/0000:00:03.0/net/eth0"));
        Files.createSymbolicLink(root.resolve("sys/class/net/lo"), Path.of("../../devices/virtual/net/lo"));
        Scrape ours = Exporters.vigil(NetTrees.args(root, "netdev", "--collector.netdev.enable-detailed-metrics",
                "--collector.netdev.device-exclude="));
        Map<String, Scrape.Family> families = ours.only(List.of("node_network_"));
        assertEquals(24, families.size());
        assertEquals(9.0, families.get("node_network_multicast_total").samples.get("node_network_multicast_total{device=\"eth0\"}"));
        assertEquals(16.0, families.get("node_network_receive_missed_errors_total").samples
                .get("node_network_receive_missed_errors_total{device=\"eth0\"}"));
        assertEquals(7.0, families.get("node_network_receive_bytes_total").samples
                .get("node_network_receive_bytes_total{device=\"lo\"}"));
        assertEquals(0.0, families.get("node_network_transmit_bytes_total").samples
                .get("node_network_transmit_bytes_total{device=\"lo\"}"));
    }

    /**
     * Netlink mode on this live host against node_exporter's rtnetlink: the same families, HELP,
     * TYPE and devices, and every counter between two reads of node_exporter's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "--collector.netdev.enable-detailed-metrics", "--collector.netdev.device-exclude=",
        "--collector.netdev.address-info"})
    void netlinkModeMatchesNodeExporterOnThisHost(String flag) throws Exception {
        List<String> args = new ArrayList<>(List.of("--collector.disable-defaults", "--collector.netdev"));
        if (!flag.isEmpty()) {
            args.add(flag);
        }
        Scrape before = Exporters.reference(args);
        Scrape ours = Exporters.vigil(args);
        Scrape after = Exporters.reference(args);
        Map<String, Scrape.Family> mine = ours.only(List.of("node_network_"));
        Map<String, Scrape.Family> theirs = before.only(List.of("node_network_"));
        Map<String, Scrape.Family> theirsAfter = after.only(List.of("node_network_"));
        assertEquals(new TreeSet<>(theirs.keySet()), new TreeSet<>(mine.keySet()));
        List<String> diffs = new ArrayList<>();
        for (Map.Entry<String, Scrape.Family> entry : theirs.entrySet()) {
            Scrape.Family a = entry.getValue();
            Scrape.Family b = mine.get(entry.getKey());
            Scrape.Family c = theirsAfter.get(entry.getKey());
            if (!a.type.equals(b.type) || !a.help.equals(b.help)) {
                diffs.add(entry.getKey() + ": " + b.type + " \"" + b.help + "\" vs " + a.type + " \"" + a.help + "\"");
            }
            if (!a.samples.keySet().equals(b.samples.keySet())) {
                diffs.add(entry.getKey() + ": samples " + b.samples.keySet() + " vs " + a.samples.keySet());
                continue;
            }
            for (Map.Entry<String, Double> sample : b.samples.entrySet()) {
                double low = a.samples.get(sample.getKey());
                double high = c.samples.get(sample.getKey());
                if (sample.getValue() < low || sample.getValue() > high) {
                    diffs.add(sample.getKey() + " " + sample.getValue() + " not in [" + low + ", " + high + "]");
                }
            }
        }
        assertEquals(List.of(), diffs);
    }
}
