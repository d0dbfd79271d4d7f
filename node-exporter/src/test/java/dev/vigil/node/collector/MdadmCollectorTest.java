package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MdadmCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("mdadm");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_md_").assertSame(ours, Exporters.reference(args));
        assertEquals(12, ours.families.get("node_md_blocks").samples.size());
    }

    @Test
    void missingMdstatIsNoDataAndBrokenMdstatFails(@TempDir Path proc) throws Exception {
        List<String> args = StorageTesting.args("mdadm", proc, null);
        assertEquals(0.0, StorageTesting.success(Exporters.vigil(args)));
        assertEquals(0.0, StorageTesting.success(Exporters.reference(args)));
        Files.writeString(proc.resolve("mdstat"), "md0 : active raid1 sda[0]\n      x blocks\n\n\n");
        assertEquals(0.0, StorageTesting.success(Exporters.vigil(args)));
        assertEquals(0.0, StorageTesting.success(Exporters.reference(args)));
    }
}
