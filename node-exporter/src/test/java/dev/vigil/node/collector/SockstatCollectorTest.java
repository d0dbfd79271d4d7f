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

class SockstatCollectorTest {
    private static final Parity PARITY = Parity.of("node_sockstat_", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("sockstat");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    /** A busy Linux 4.19 host: every state, pages turned into bytes with this host's page size. */
    @Test
    void busyHostMatchesNodeExporter(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(NetTrees.write(dir, Map.of("proc/net/sockstat", """
                sockets: used 1536
                TCP: inuse 712 orphan 3 tw 2048 alloc 901 mem 377
                UDP: inuse 17 mem 41
                UDPLITE: inuse 0
                RAW: inuse 1
                FRAG: inuse 0 memory 0
                """, "proc/net/sockstat6", """
                TCP6: inuse 88
                UDP6: inuse 9
                UDPLITE6: inuse 0
                RAW6: inuse 2
                FRAG6: inuse 0 memory 0
                """)), "sockstat");
        Scrape ours = Exporters.vigil(args);
        PARITY.assertSame(ours, Exporters.reference(args));
        assertEquals(377.0 * 4096, ours.families.get("node_sockstat_TCP_mem_bytes").samples
                .get("node_sockstat_TCP_mem_bytes"));
    }

    /** Files as a kernel with IPv6 (or IPv4) turned off, or a strange one, leaves them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sockets: used 5\\nTCP: inuse 2 orphan 0 tw 0 alloc 2 mem 3\\nFOO: bar 7\\n|-",
        "-|TCP6: inuse 3\\n",
        "-|-",
        "TCP: inuse 1 mem 2\\n|TCP6: inuse 3 mem 4\\nFRAG6: inuse 0 memory 9\\n",
        "sockets: used 0x10\\nTCP: inuse 010 tw -1\\n|-",
        "sockets: used 5\\nTCP:  inuse 2\\n|-",
        "sockets: used 5\\nTCP: inuse\\n|-",
        "sockets: used 5\\n\\n|-",
        "sockets: used 5\\n|TCP6: inuse x\\n",
        "''|''",
    })
    void oddFilesMatchNodeExporter(String v4, String v6, @TempDir Path dir) throws Exception {
        Map<String, String> files = new HashMap<>();
        if (!v4.equals("-")) {
            files.put("proc/net/sockstat", v4.replace("\\n", "\n"));
        }
        if (!v6.equals("-")) {
            files.put("proc/net/sockstat6", v6.replace("\\n", "\n"));
        }
        List<String> args = NetTrees.args(NetTrees.write(dir, files), "sockstat");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }
}
