package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Fixtures;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpvsCollectorTest {
    private static final Parity PARITY = Parity.of("node_ipvs_", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("ipvs");
        Scrape ours = Exporters.vigil(args);
        PARITY.assertSame(ours, Exporters.reference(args));
        assertEquals(1.0, ours.families.get("node_ipvs_backend_connections_active").samples.get(
                "node_ipvs_backend_connections_active{local_address=\"2620::1\",local_mark=\"\",local_port=\"80\","
                        + "proto=\"TCP\",remote_address=\"2620::3\",remote_port=\"80\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"proto,local_port", "local_port,proto", "", "local_mark", "remote_address,remote_port",
        ",proto,,proto,"})
    void backendLabelsMatchNodeExporter(String labels) throws Exception {
        List<String> args = Args.fixtureCollector("ipvs", "--collector.ipvs.backend-labels=" + labels);
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void unknownBackendLabelsStopTheStart() {
        AssertionError error = assertThrows(AssertionError.class, () -> Exporters.vigil(
                Args.fixtureCollector("ipvs", "--collector.ipvs.backend-labels=foo,proto,bar")));
        assertTrue(error.getMessage().contains("unknown IPVS backend labels: \\\"bar, foo\\\""), error.getMessage());
    }

    /** An SCTP service (not recognized by 1.5: its servers count under the service before) and a mapped address. */
    @Test
    void unrecognizedServicesMatchNodeExporter(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(NetTrees.write(dir, Map.of(
                "proc/net/ip_vs_stats", Fixtures.read("proc/net/ip_vs_stats"),
                "proc/net/ip_vs", """
                        IP Virtual Server version 1.2.1 (size=4096)
                        Prot LocalAddress:Port Scheduler Flags
                          -> RemoteAddress:Port Forward Weight ActiveConn InActConn
                        UDP  0A000001:0035 rr
                          -> [0000:0000:0000:0000:0000:ffff:0a00:0002]:0035      Masq    5      0          3
                        SCTP 0A000002:0050 rr
                          -> 0A000005:0050      Masq    7      1          1
                        TCP  [fe80:0000:0000:0000:0000:0000:0000:0001]:01BB rr persistent 360
                          -> [fe80:0000:0000:0000:0001:0000:0000:0001]:01BB      Masq    1      4          0
                        """)), "ipvs");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void notLoadedMeansNoData(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(NetTrees.write(dir, Map.of()), "ipvs");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stats-only", "short-stats", "bad-address"})
    void brokenTablesFail(String broken, @TempDir Path dir) throws Exception {
        Map<String, String> files = switch (broken) {
            case "stats-only" -> Map.of("proc/net/ip_vs_stats", Fixtures.read("proc/net/ip_vs_stats"));
            case "short-stats" -> Map.of("proc/net/ip_vs_stats", "   Total Incoming\n   Conns  Packets\n",
                    "proc/net/ip_vs", Fixtures.read("proc/net/ip_vs"));
            default -> Map.of("proc/net/ip_vs_stats", Fixtures.read("proc/net/ip_vs_stats"),
                    "proc/net/ip_vs", "TCP  C0A8001:0CEA wlc\n  -> C0A85216:0CEA      Tunnel  100    248        2\n");
        };
        List<String> args = NetTrees.args(NetTrees.write(dir, files), "ipvs");
        Scrape ours = Exporters.vigil(args);
        assertEquals(0.0, ours.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"ipvs\"}"));
        assertEquals(0.0, Exporters.reference(args).families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"ipvs\"}"));
    }
}
