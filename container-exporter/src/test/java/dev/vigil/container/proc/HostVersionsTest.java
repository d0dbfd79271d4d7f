package dev.vigil.container.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.exporter.host.HostPaths;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostVersionsTest {

    @Test
    void fromTheFixtureHost() {
        HostVersions versions = new HostVersions(ProcFixtures.paths());
        assertEquals("6.18.44-fc-v669", versions.kernel());
        assertEquals("Debian GNU/Linux 12 (bookworm)", versions.os());
    }

    @Test
    void prettyNameQuotingAndDefault() {
        assertEquals("Fedora Linux 40 (Server Edition)",
                HostVersions.prettyName("NAME=\"Fedora Linux\"\nPRETTY_NAME=\"Fedora Linux 40 (Server Edition)\"\n"));
        assertEquals("Alpine Linux v3.20", HostVersions.prettyName("PRETTY_NAME='Alpine Linux v3.20'"));
        assertEquals("Plain", HostVersions.prettyName("PRETTY_NAME=Plain"));
        assertEquals("Linux", HostVersions.prettyName("NAME=x\n"), "os-release(5): PRETTY_NAME defaults to Linux");
        assertEquals("", HostVersions.prettyName("PRETTY_NAME=\"unclosed\n"), "a file that does not parse");
    }

    @Test
    void missingFilesAreEmpty(@TempDir Path empty) {
        HostVersions versions = new HostVersions(new HostPaths(empty.resolve("proc"), empty.resolve("sys"), empty,
                empty.resolve("udev")));
        assertEquals("", versions.kernel());
        assertEquals("", versions.os());
    }
}
