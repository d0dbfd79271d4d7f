package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.procfs.InterruptsTest;
import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptsCollectorTest {
    private static final Parity INTERRUPTS = Parity.of("node_interrupts_", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("interrupts");
        INTERRUPTS.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void matchesNodeExporterOnPowerAndS390(@TempDir Path dir) throws Exception {
        for (String interrupts : List.of(InterruptsTest.PPC64LE, InterruptsTest.S390X)) {
            List<String> args = new ScratchTree(dir).file("proc/interrupts", interrupts).args("interrupts");
            INTERRUPTS.assertSame(Exporters.vigil(args), Exporters.reference(args));
        }
    }

    @Test
    void matchesNodeExporterOnArm64WhileCountsAreNarrow(@TempDir Path dir) throws Exception {
        String narrow = InterruptsTest.ARM64.replace("IPI0:1234567890", "IPI0:      2839");
        List<String> args = new ScratchTree(dir).file("proc/interrupts", narrow).args("interrupts");
        INTERRUPTS.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void readsArm64CountsThatTouchTheirName(@TempDir Path dir) throws Exception {
        // node_exporter 1.5 fails on this line (later versions read it as we do).
        List<String> args = new ScratchTree(dir).file("proc/interrupts", InterruptsTest.ARM64).args("interrupts");
        Scrape ours = Exporters.vigil(args);
        assertEquals(1234567890.0, ours.families.get("node_interrupts_total").samples.get(
                "node_interrupts_total{cpu=\"0\",devices=\"\",info=\"Rescheduling interrupts\",type=\"IPI0\"}"));
    }

    @Test
    void aMissingFileHasNoData(@TempDir Path dir) throws Exception {
        Scrape ours = Exporters.vigil(new ScratchTree(dir).args("interrupts"));
        assertEquals(0.0, ours.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"interrupts\"}"));
    }
}
