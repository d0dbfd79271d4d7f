package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KsmdCollectorTest {
    private static final Parity KSMD = Parity.of("node_ksmd_", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("ksmd");
        Scrape ours = Exporters.vigil(args);
        KSMD.assertSame(ours, Exporters.reference(args));
        assertEquals(0.02, ours.families.get("node_ksmd_sleep_seconds").samples.get("node_ksmd_sleep_seconds"));
    }

    @Test
    void aKernelWithoutKsmHasNoData(@TempDir Path dir) throws Exception {
        List<String> args = new ScratchTree(dir).args("ksmd");
        Scrape ours = Exporters.vigil(args);
        KSMD.assertSame(ours, Exporters.reference(args));
        assertEquals(0.0, ours.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"ksmd\"}"));
    }
}
