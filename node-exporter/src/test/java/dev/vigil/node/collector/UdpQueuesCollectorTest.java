package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UdpQueuesCollectorTest {
    private static final Parity PARITY = Parity.of("node_udp_", "node_scrape_collector_success");
    private static final String V4_HEADER = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode ref pointer drops            \n";
    private static final String V6_HEADER = "  sl  local_address                         remote_address"
            + "                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n";

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("udp_queues");
        Scrape ours = Exporters.vigil(args);
        PARITY.assertSame(ours, Exporters.reference(args));
        assertEquals(2560.0, ours.families.get("node_udp_queues").samples.get("node_udp_queues{ip=\"v4\",queue=\"rx\"}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // IPv6 disabled
        "  781: 0100007F:0143 00000000:0000 07 00000100:00000a00 00:00000000 00000000   101        0 20733 2 0000000000000000 0|-",
        // IPv4 table missing, IPv6 only
        "-|  123: 00000000000000000000000000000000:0222 00000000000000000000000000000000:0000 07 00000000:00000400 00:00000000 00000000     0        0 16713 2 0000000000000000 0",
        // neither: no data
        "-|-",
        // broken lines: too few columns, no colon in the queues, bad hex, bad address
        "  781: 0100007F:0143 00000000:0000 07 00000100:00000a00 00:00000000|-",
        "  781: 0100007F:0143 00000000:0000 07 0000010000000a00 00:00000000 00000000   101        0 20733 2 0 0|-",
        "  781: 0100007F:0143 00000000:0000 07 0000010g:00000a00 00:00000000 00000000   101        0 20733 2 0 0|-",
        "  781: 0100007:0143 00000000:0000 07 00000100:00000a00 00:00000000 00000000   101        0 20733 2 0 0|-",
    })
    void tablesMatchNodeExporter(String v4, String v6, @TempDir Path dir) throws Exception {
        Map<String, String> files = new HashMap<>();
        if (!v4.equals("-")) {
            files.put("proc/net/udp", V4_HEADER + v4 + "\n");
        }
        if (!v6.equals("-")) {
            files.put("proc/net/udp6", V6_HEADER + v6 + "\n");
        }
        List<String> args = NetTrees.args(NetTrees.write(dir, files), "udp_queues");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }
}
