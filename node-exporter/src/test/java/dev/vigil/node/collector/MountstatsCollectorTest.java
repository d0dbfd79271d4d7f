package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Fixtures;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountstatsCollectorTest {

    @Test
    void offByDefault() throws Exception {
        Scrape ours = Exporters.vigil(Fixtures.pathFlags());
        assertFalse(ours.families.keySet().stream().anyMatch(name -> name.startsWith("node_mountstats_")));
    }

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("mountstats");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_mountstats_").assertSame(ours, Exporters.reference(args));
        assertEquals(3, ours.families.get("node_mountstats_nfs_age_seconds_total").samples.size(),
                "the export mounted twice is reported once");
    }

    @Test
    void brokenFilesFailLikeNodeExporter(@TempDir Path proc) throws Exception {
        Path pid = Files.createDirectories(proc.resolve("77"));
        Files.createSymbolicLink(proc.resolve("self"), Path.of("77"));
        Files.copy(Fixtures.proc().resolve("self/mountinfo"), pid.resolve("mountinfo"));
        Files.writeString(pid.resolve("mountstats"), "device a mounted on /b with fstype cifs statvers=1.0\n");
        List<String> args = StorageTesting.args("mountstats", proc, null);
        assertEquals(0.0, StorageTesting.success(Exporters.vigil(args)));
        assertEquals(0.0, StorageTesting.success(Exporters.reference(args)));

        Files.copy(Fixtures.proc().resolve("self/mountstats"), pid.resolve("mountstats"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(pid.resolve("mountinfo"), "not a mountinfo line\n");
        assertEquals(0.0, StorageTesting.success(Exporters.vigil(args)));
        assertEquals(0.0, StorageTesting.success(Exporters.reference(args)));

        // Fewer mountinfo lines than mounts: the NFS mounts past the end have no address.
        Files.writeString(pid.resolve("mountinfo"), "22 1 0:21 / /proc rw shared:12 - proc proc rw\n");
        Parity.of("node_mountstats_", "node_scrape_collector_success").assertSame(Exporters.vigil(args),
                Exporters.reference(args));
    }
}
