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

class EntropyCollectorTest {
    private static final Parity PARITY = Parity.of("node_entropy_", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("entropy");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void reportsBothValues() throws Exception {
        Scrape scrape = Exporters.vigil(Args.fixtureCollector("entropy"));
        assertEquals(256.0, scrape.families.get("node_entropy_available_bits").samples.get("node_entropy_available_bits"));
        assertEquals(256.0, scrape.families.get("node_entropy_pool_size_bits").samples.get("node_entropy_pool_size_bits"));
    }

    /** Pre-5.18 kernels: a 4096-bit pool whose fill level moves. */
    @Test
    void olderKernelPoolMatchesNodeExporter(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(NetTrees.write(dir, Map.of("proc/sys/kernel/random/entropy_avail", "3021\n",
                "proc/sys/kernel/random/poolsize", "4096\n")), "entropy");
        Scrape ours = Exporters.vigil(args);
        PARITY.assertSame(ours, Exporters.reference(args));
        assertEquals(3021.0, ours.families.get("node_entropy_available_bits").samples.get("node_entropy_available_bits"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"proc/sys/kernel/random/entropy_avail", "proc/sys/kernel/random/poolsize"})
    void aMissingFileFailsTheCollector(String present, @TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(NetTrees.write(dir, Map.of(present, "256\n")), "entropy");
        Scrape ours = Exporters.vigil(args);
        assertEquals(0.0, success(ours));
        assertEquals(0.0, success(Exporters.reference(args)));
    }

    @Test
    void garbageFailsTheCollector(@TempDir Path dir) throws Exception {
        List<String> args = NetTrees.args(NetTrees.write(dir, Map.of("proc/sys/kernel/random/entropy_avail", "x\n",
                "proc/sys/kernel/random/poolsize", "256\n")), "entropy");
        PARITY.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    private static double success(Scrape scrape) {
        return scrape.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"entropy\"}");
    }
}
