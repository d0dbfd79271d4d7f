package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tcpstat reads /proc/net/tcp and tcp6 where node_exporter 1.5 asks the live kernel over netlink, so
 * node_exporter cannot be pointed at fixtures: fixture values are checked directly, and the live
 * host is compared with node_exporter for what does not move while the test runs.
 */
class TcpstatCollectorTest {
    private static final String V4_HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode\n";

    @Test
    void countsStatesAndQueuesOfBothFamilies() throws Exception {
        Scrape ours = Exporters.vigil(Args.fixtureCollector("tcpstat"));
        assertEquals(Map.of(
                key("established"), 2.0, key("listen"), 3.0, key("time_wait"), 1.0,
                key("tx_queued_bytes"), 36.0, key("rx_queued_bytes"), 16.0),
                ours.families.get("node_tcp_connection_states").samples);
        assertEquals("gauge", ours.families.get("node_tcp_connection_states").type);
        assertEquals("Number of connection states.", ours.families.get("node_tcp_connection_states").help);
    }

    @Test
    void withoutIpv6OnlyTheIpv4TableCounts(@TempDir Path dir) throws Exception {
        Scrape ours = Exporters.vigil(NetTrees.args(NetTrees.write(dir, Map.of("proc/net/tcp", V4_HEADER
                + "   0: 0100007F:0019 00000000:0000 0A 00000000:00000002 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0\n"
                + "   1: 0100007F:0019 0100007F:A000 08 00000100:00000000 00:00000000 00000000     0        0 2 1 0 20 4 0 10 -1\n"
                + "   2: 0100007F:0019 0100007F:A001 0C 00000000:00000000 00:00000000 00000000     0        0 3 1 0 20 4 0 10 -1\n"
                + "   3: 0100007F:0019 0100007F:A002 00 00000000:00000000 00:00000000 00000000     0        0 4 1 0 20 4 0 10 -1\n")),
                "tcpstat"));
        assertEquals(Map.of(key("listen"), 1.0, key("close_wait"), 1.0, key("unknown"), 2.0,
                key("tx_queued_bytes"), 256.0, key("rx_queued_bytes"), 2.0),
                ours.families.get("node_tcp_connection_states").samples);
    }

    @Test
    void noSocketsNoSamples(@TempDir Path dir) throws Exception {
        Scrape ours = Exporters.vigil(NetTrees.args(NetTrees.write(dir, Map.of("proc/net/tcp", V4_HEADER,
                "proc/net/tcp6", "  sl  local_address remote_address st\n")), "tcpstat"));
        assertEquals(null, ours.families.get("node_tcp_connection_states"));
        assertEquals(1.0, success(ours));
    }

    @Test
    void brokenTableFails(@TempDir Path dir) throws Exception {
        Scrape ours = Exporters.vigil(NetTrees.args(NetTrees.write(dir, Map.of("proc/net/tcp", V4_HEADER
                + "   0: 0100007F:0019 00000000:0000 0A 00000000\n")), "tcpstat"));
        assertEquals(0.0, success(ours));
    }

    @Test
    void missingTableMeansNoData(@TempDir Path dir) throws Exception {
        assertEquals(0.0, success(Exporters.vigil(NetTrees.args(NetTrees.write(dir, Map.of()), "tcpstat"))));
    }

    /** Listening sockets do not come and go while the test runs; the others do (the test's own connections). */
    @Test
    void liveHostAgreesWithNodeExporter() throws Exception {
        List<String> args = List.of("--collector.disable-defaults", "--collector.tcpstat");
        Scrape before = Exporters.reference(args);
        Scrape ours = Exporters.vigil(args);
        Scrape after = Exporters.reference(args);
        Scrape.Family mine = ours.families.get("node_tcp_connection_states");
        Scrape.Family theirs = before.families.get("node_tcp_connection_states");
        assertEquals(theirs.help, mine.help);
        assertEquals(theirs.type, mine.type);
        Double listen = mine.samples.get(key("listen"));
        assertNotNull(listen);
        assertEquals(theirs.samples.get(key("listen")), listen);
        assertEquals(after.families.get("node_tcp_connection_states").samples.get(key("listen")), listen);
        assertNotNull(mine.samples.get(key("established")), "the scrape's own connection is established");
        assertNotNull(mine.samples.get(key("rx_queued_bytes")));
        assertNotNull(mine.samples.get(key("tx_queued_bytes")));
    }

    private static String key(String state) {
        return "node_tcp_connection_states{state=\"" + state + "\"}";
    }

    private static double success(Scrape scrape) {
        return scrape.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"tcpstat\"}");
    }
}
