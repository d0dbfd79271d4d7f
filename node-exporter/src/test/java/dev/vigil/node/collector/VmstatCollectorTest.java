package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmstatCollectorTest {
    private static final Parity VMSTAT = Parity.of("node_vmstat_", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("vmstat");
        Scrape ours = Exporters.vigil(args);
        VMSTAT.assertSame(ours, Exporters.reference(args));
        assertEquals("untyped", ours.families.get("node_vmstat_pgfault").type);
        assertEquals(7, ours.families.keySet().stream().filter(name -> name.startsWith("node_vmstat_")).count());
    }

    @Test
    void theFieldsFlagSelects() throws Exception {
        for (String fields : List.of("^nr_", ".*", "thp", "^$")) {
            List<String> args = Args.fixtureCollector("vmstat", "--collector.vmstat.fields=" + fields);
            VMSTAT.assertSame(Exporters.vigil(args), Exporters.reference(args));
        }
        assertTrue(Exporters.vigil(Args.fixtureCollector("vmstat", "--collector.vmstat.fields=.*")).families
                .containsKey("node_vmstat_nr_free_pages"));
    }

    @Test
    void aBadValueFails(@TempDir Path dir) throws Exception {
        List<String> args = new ScratchTree(dir).file("proc/vmstat", "pgfault 1\nnr_free_pages lots\n").args("vmstat");
        // node_exporter keeps what it sent before the failure (pgfault); a failed collector of ours sends nothing.
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_scrape_collector_success").assertSame(ours, Exporters.reference(args));
        assertTrue(ours.families.keySet().stream().noneMatch(name -> name.startsWith("node_vmstat_")));
    }

    @Test
    void aBadPatternStopsTheStart(@TempDir Path dir) throws Exception {
        FlagSet flags = new FlagSet("test", "test");
        VmstatCollector.FACTORY.defineFlags(flags);
        flags.parse("--collector.vmstat.fields=(");
        assertThrows(IllegalArgumentException.class,
                () -> VmstatCollector.FACTORY.create(new CollectorContext(new ScratchTree(dir).paths(), flags)));
    }
}
