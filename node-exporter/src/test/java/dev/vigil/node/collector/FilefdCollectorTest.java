package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilefdCollectorTest {
    private static final Parity PARITY = Parity.of("node_filefd_", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("filefd");
        Scrape ours = Exporters.vigil(args);
        PARITY.assertSame(ours, Exporters.reference(args));
        assertEquals(352.0, ours.families.get("node_filefd_allocated").samples.get("node_filefd_allocated"));
        assertEquals(2466170.0, ours.families.get("node_filefd_maximum").samples.get("node_filefd_maximum"));
    }

    /** Odd contents: a 64-bit maximum, extra values, spaces instead of tabs, too few values, empty. */
    @ParameterizedTest
    @ValueSource(strings = {"1024\t0\t9223372036854775807\n", "7\t0\t100\t5\n", "7 0 100\n", "7\t0\n", "", "\t\t\n"})
    void oddContentsMatchNodeExporter(String content, @TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(NetTrees.write(dir, Map.of("proc/sys/fs/file-nr", content)), "filefd");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void missingFileFails(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(NetTrees.write(dir, Map.of()), "filefd");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }
}
