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

class NfsCollectorTest {

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("nfs");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_nfs_").assertSame(ours, Exporters.reference(args));
        assertEquals(18 + 22 + 59, ours.families.get("node_nfs_requests_total").samples.size());
    }

    @Test
    void nfsdMatchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("nfsd");
        Scrape ours = Exporters.vigil(args);
        Parity.of("node_nfsd_").assertSame(ours, Exporters.reference(args));
        assertEquals(17 + 21 + 33, ours.families.get("node_nfsd_requests_total").samples.size());
    }

    @Test
    void missingFilesAreNoDataAndUnknownLinesFail(@TempDir Path proc) throws Exception {
        for (String collector : List.of("nfs", "nfsd")) {
            List<String> args = StorageTesting.args(collector, proc, null);
            assertEquals(0.0, StorageTesting.success(Exporters.vigil(args)));
            assertEquals(0.0, StorageTesting.success(Exporters.reference(args)));
        }
        Files.createDirectories(proc.resolve("net/rpc"));
        Files.writeString(proc.resolve("net/rpc/nfs"), "net 1 2 3 4\nxprt 1 2\n");
        Files.writeString(proc.resolve("net/rpc/nfsd"), "rc 1 2 3\nwdeleg_getattr 0\n");
        for (String collector : List.of("nfs", "nfsd")) {
            List<String> args = StorageTesting.args(collector, proc, null);
            assertEquals(0.0, StorageTesting.success(Exporters.vigil(args)));
            assertEquals(0.0, StorageTesting.success(Exporters.reference(args)));
        }
    }

    @Test
    void partialFilesMatchNodeExporter(@TempDir Path proc) throws Exception {
        Files.createDirectories(proc.resolve("net/rpc"));
        Files.writeString(proc.resolve("net/rpc/nfs"), "rpc 10 1 2\n");
        Files.writeString(proc.resolve("net/rpc/nfsd"), "th 4 1\n");
        for (String collector : List.of("nfs", "nfsd")) {
            List<String> args = StorageTesting.args(collector, proc, null);
            Parity.of("node_" + collector + "_").assertSame(Exporters.vigil(args), Exporters.reference(args));
        }
    }
}
