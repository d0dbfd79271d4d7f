package dev.vigil.node.collector;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftnetCollectorTest {
    private static final Parity PARITY = Parity.of("node_softnet_", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("softnet");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    /**
     * The formats kernels have written: 9 columns (2.6.23), 10 (received_rps, 2.6.39), 11
     * (flow_limit_count, 3.11), 13 (backlog length and CPU index, 5.10), and broken ones.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "00000001 00000002 00000003 00000000 00000000 00000000 00000000 00000000 00000004\n"
            + "0000000a 0000000b 0000000c 00000000 00000000 00000000 00000000 00000000 00000000\n",
        "0002b0a4 00000000 00000012 00000000 00000000 00000000 00000000 00000000 00000000 00000003\n",
        "6dcc1e2d 00000000 0000002f 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n"
            + "0b5bad60 00000001 00000004 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n",
        "00015c73 00020e76 F0000769 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
            + " 00000000 00000000\n"
            + "01663fb2 00000000 000109a4 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
            + " 00000000 00000001\n"
            + "00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
            + " 00000000 00000003\n",
        "00000001 00000002 00000003 00000000 00000000 00000000 00000000 00000000\n",
        "00000001 00000002 00000003 00000000 00000000 00000000 00000000 00000000 zz 00000000 00000000\n",
        "100000001 00000002 00000003 00000000 00000000 00000000 00000000 00000000 00000000\n",
        "00000001 00000002 00000003 00000000 00000000 00000000 00000000 00000000 00000000\n\n",
        "0x000001 00000002 00000003 00000000 00000000 00000000 00000000 00000000 00000000\n",
        "",
    })
    void kernelFormatsMatchNodeExporter(String content, @TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(NetTrees.write(dir, Map.of("proc/net/softnet_stat", content)), "softnet");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void missingFileFails(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(NetTrees.write(dir, Map.of()), "softnet");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }
}
