package dev.vigil.container.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkReaderTest {
    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void readsTheFixtureProcessAndLeavesOutWhatCadvisorSkips() throws IOException {
        NetworkReader reader = new NetworkReader(ProcFixtures.paths());
        assertEquals(List.of("ifb0", "ifb1", "eth0"),
                reader.read(4242).orElseThrow().stream().map(InterfaceStats::name).toList());
        assertEquals(5, reader.readAll(4242).orElseThrow().size());
    }

    @Test
    void aProcessThatIsGoneIsAbsent() throws IOException {
        NetworkReader reader = new NetworkReader(ProcFixtures.paths());
        assertEquals(Optional.empty(), reader.read(999999));
        assertEquals(Optional.empty(), reader.namespace(999999));
    }

    @Test
    void aMalformedFileIsAnIoExceptionNamingIt(@TempDir Path dir) throws IOException {
        ProcFixtures.write(dir, "procfs/7/net/dev", "h1\nh2\n  eth0: 1 2 3\n");
        IOException e = assertThrows(IOException.class, () -> new NetworkReader(ProcFixtures.under(dir)).read(7));
        assertTrue(e.getMessage().contains(dir.resolve("procfs/7/net/dev").toString()), e.getMessage());
    }

    @Test
    void namespaceIdentityComesFromTheNsLink(@TempDir Path dir) throws IOException {
        ProcFixtures.link(dir, "procfs/10/ns/net", "net:[4026531833]");
        ProcFixtures.link(dir, "procfs/11/ns/net", "net:[4026531833]");
        ProcFixtures.link(dir, "procfs/12/ns/net", "net:[4026532301]");
        ProcFixtures.link(dir, "procfs/13/ns/net", "mnt:[4026531841]");
        NetworkReader reader = new NetworkReader(ProcFixtures.under(dir));
        assertEquals(new NetNamespaceId(4026531833L), reader.namespace(10).orElseThrow());
        assertEquals(reader.namespace(10), reader.namespace(11), "a pod's containers share the sandbox's namespace");
        assertFalse(reader.namespace(10).equals(reader.namespace(12)));
        assertThrows(IOException.class, () -> reader.namespace(13));
    }

    @Test
    void namespaceIdParsesAndPrintsTheLinkForm() {
        assertEquals("net:[4026531833]", NetNamespaceId.parse("net:[4026531833]\n").toString());
        assertThrows(IllegalArgumentException.class, () -> NetNamespaceId.parse("net:4026531833"));
        assertThrows(IllegalArgumentException.class, () -> NetNamespaceId.parse("net:[x]"));
    }

    @Test
    void liveThisJvmsNamespaceHasLoopbackWhichCadvisorLeavesOut() throws IOException {
        NetworkReader reader = new NetworkReader(HostPaths.defaults());
        List<InterfaceStats> all = reader.readAll(SELF).orElseThrow();
        assertTrue(all.stream().anyMatch(i -> i.name().equals("lo")), all.toString());
        assertTrue(reader.read(SELF).orElseThrow().stream().noneMatch(i -> i.name().equals("lo")));
        NetNamespaceId ns = reader.namespace(SELF).orElseThrow();
        assertTrue(ns.inode() > 0);
    }
}
