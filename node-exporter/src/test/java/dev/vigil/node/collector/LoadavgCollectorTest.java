package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadavgCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("loadavg");
        Parity.of("node_load").assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void reportsTheFixtureValues() throws Exception {
        var scrape = Exporters.vigil(Args.fixtureCollector("loadavg"));
        assertEquals(1, scrape.families.get("node_load1").samples.size());
    }
}
