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

class SchedstatCollectorTest {
    private static final Parity SCHEDSTAT = Parity.of("node_schedstat_", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("schedstat");
        Scrape ours = Exporters.vigil(args);
        SCHEDSTAT.assertSame(ours, Exporters.reference(args));
        assertEquals(2, ours.families.get("node_schedstat_running_seconds_total").samples.size());
    }

    @Test
    void aKernelWithoutSchedstatsHasNoData(@TempDir Path dir) throws Exception {
        List<String> args = new ScratchTree(dir).args("schedstat");
        Scrape ours = Exporters.vigil(args);
        SCHEDSTAT.assertSame(ours, Exporters.reference(args));
        assertEquals(0.0, ours.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"schedstat\"}"));
    }

    @Test
    void skipsMalformedLinesLikeNodeExporter(@TempDir Path dir) throws Exception {
        List<String> args = new ScratchTree(dir).file("proc/schedstat", """
                version 15
                timestamp 1
                cpu0 0 0 0 0 0 0 x 1 2
                cpu1 0 0 0 0 0 0 10 20 30
                domain0 3 1 2
                """).args("schedstat");
        SCHEDSTAT.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }
}
