package dev.vigil.node.collector;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeminfoCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("meminfo");
        Parity.of("node_memory_").assertSame(Exporters.vigil(args), Exporters.reference(args));
    }
}
