package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.syscall.Uname;
import dev.vigil.node.testing.Fixtures;
import dev.vigil.node.testing.RecordingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnameCollectorTest {

    @Test
    void readsTheKernelFilesUnderProcfs() throws Exception {
        RecordingSink sink = new RecordingSink();
        new UnameCollector(new HostPaths(Fixtures.proc(), Fixtures.sys(), Fixtures.rootfs(), Fixtures.udev())).update(sink);
        assertEquals(1.0, sink.value("node_uname_info", "Linux", Fixtures.read("proc/sys/kernel/osrelease").strip(),
                Fixtures.read("proc/sys/kernel/version").strip(), "x86_64", "vm", "(none)"));
    }

    @Test
    void fallsBackToUnameForTheMachineOnOlderKernels(@TempDir Path proc) throws Exception {
        Path kernel = Files.createDirectories(proc.resolve("sys/kernel"));
        Files.writeString(kernel.resolve("ostype"), "Linux\n");
        Files.writeString(kernel.resolve("osrelease"), "5.10.0-28-arm64\n");
        Files.writeString(kernel.resolve("version"), "#1 SMP Debian 5.10.209-2 (2024-01-31)\n");
        Files.writeString(kernel.resolve("hostname"), "node-7\n");
        Files.writeString(kernel.resolve("domainname"), "example.internal\n");
        RecordingSink sink = new RecordingSink();
        new UnameCollector(new HostPaths(proc, Fixtures.sys(), Fixtures.rootfs(), Fixtures.udev())).update(sink);
        assertEquals(1.0, sink.value("node_uname_info", "Linux", "5.10.0-28-arm64",
                "#1 SMP Debian 5.10.209-2 (2024-01-31)", Uname.machine(), "node-7", "example.internal"));
        assertEquals(System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch"),
                Uname.machine());
    }
}
