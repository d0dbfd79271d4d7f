package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Fixtures;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetstatCollectorTest {
    private static final Parity PARITY = Parity.of("node_netstat_", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("netstat");
        Scrape ours = Exporters.vigil(args);
        PARITY.assertSame(ours, Exporters.reference(args));
        assertEquals("untyped", ours.families.get("node_netstat_Tcp_InSegs").type);
        assertEquals("Statistic TcpInSegs.", ours.families.get("node_netstat_Tcp_InSegs").help);
    }

    @ParameterizedTest
    @ValueSource(strings = {".*", "^Tcp", "Icmp6_In", "^(IcmpMsg_.*|MPTcpExt_.*)$", "^nothing$"})
    void fieldsFlagMatchesNodeExporter(String fields) throws Exception {
        List<String> args = Args.fixtureCollector("netstat", "--collector.netstat.fields=" + fields);
        Scrape ours = Exporters.vigil(args);
        PARITY.assertSame(ours, Exporters.reference(args));
        if (fields.equals(".*")) {
            assertTrue(ours.only(List.of("node_netstat_")).size() > 300, "every field of the three files");
        }
    }

    @Test
    void withoutIpv6TheSnmp6FileIsSkipped(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(tree(dir, Map.of("proc/net/snmp6", "-")), "netstat",
                "--collector.netstat.fields=.*");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    /**
     * Missing, broken and odd files. Where node_exporter fails it may still have sent some families
     * first (in map order, so at random) and our registry drops a failed update's samples: there,
     * only both failing is compared.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "proc/net/netstat=-", "proc/net/snmp=-",
        "proc/net/snmp=Ip: Forwarding DefaultTTL\nIp: 1 64 3\n",
        "proc/net/snmp=Ip: Forwarding DefaultTTL\nIp: 1 x\n",
        "proc/net/netstat=TcpExt: SyncookiesSent\n",
        "proc/net/snmp6=Ip6InReceives 12\nIp6InHdrErrors abc\n",
        "proc/net/snmp6=Ip6InReceives 12\nnonsense\nTcpInSegs 4\nIcmp6InType134 2\n\n",
        "proc/net/snmp=",
        "proc/net/snmp=Tcp: RtoAlgorithm MaxConn\nTcp: 1 -1\n",
    })
    void oddFilesMatchNodeExporter(String file, @TempDir Path dir) throws Exception {
        int eq = file.indexOf('=');
        List<String> args = NetTrees.args(tree(dir, Map.of(file.substring(0, eq), file.substring(eq + 1))), "netstat",
                "--collector.netstat.fields=.*");
        Scrape ours = Exporters.vigil(args);
        Scrape reference = Exporters.reference(args);
        if (success(reference) == 0) {
            assertEquals(0, success(ours));
            assertEquals(Map.of(), ours.only(List.of("node_netstat_")));
        } else {
            PARITY.assertSame(ours, reference);
        }
    }

    private static double success(Scrape scrape) {
        return scrape.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"netstat\"}");
    }

    /** The fixture's three files, with {@code changes} applied ("-" removes a file). */
    private static Path tree(Path dir, Map<String, String> changes) {
        Map<String, String> files = new HashMap<>();
        for (String name : List.of("proc/net/netstat", "proc/net/snmp", "proc/net/snmp6")) {
            files.put(name, Fixtures.read(name));
        }
        changes.forEach((name, content) -> {
            if (content.equals("-")) {
                files.remove(name);
            } else {
                files.put(name, content);
            }
        });
        return NetTrees.write(dir, files);
    }
}
