package dev.vigil.container.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCounterTest {
    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void countsThreadsFdsAndSocketsAndSkipsWhatIsGone(@TempDir Path dir) throws IOException {
        ProcFixtures.write(dir, "procfs/10/status", ProcFixtures.read("procfs/4343/status"));
        ProcFixtures.link(dir, "procfs/10/fd/0", "anon_inode:[pidfd]");
        ProcFixtures.link(dir, "procfs/10/fd/1", "socket:[123]");
        ProcFixtures.link(dir, "procfs/10/fd/2", "pipe:[55]");
        ProcFixtures.link(dir, "procfs/10/fd/3", "socket:[124]");
        ProcFixtures.link(dir, "procfs/10/fd/4", "anon_inode:[eventpoll]");
        // 11 exited after its status was read: no fd directory left.
        ProcFixtures.write(dir, "procfs/11/status", ProcFixtures.read("procfs/4242/status"));
        // 12 is listed in cgroup.procs but already gone.
        ProcessCounts counts = new ProcessCounter(ProcFixtures.under(dir)).count(new long[] {10, 11, 12}, 4096);
        assertEquals(new ProcessCounts(3, 9 + 1, 5, 2, 4096), counts);
    }

    @Test
    void aListWorksAsAnArrayAndNoPidsIsAllZeros(@TempDir Path dir) {
        ProcessCounter counter = new ProcessCounter(ProcFixtures.under(dir));
        assertEquals(new ProcessCounts(0, 0, 0, 0, 0), counter.count(new long[0], 0));
        assertEquals(new ProcessCounts(2, 0, 0, 0, 7), counter.count(List.of(1L, 2L), 7));
    }

    @Test
    void statusAndLimitsParsers() {
        assertEquals(OptionalLong.of(9), ProcStatus.threads(ProcFixtures.read("procfs/4343/status")));
        assertEquals(OptionalLong.of(1), ProcStatus.threads(ProcFixtures.read("procfs/4242/status")));
        assertEquals(OptionalLong.empty(), ProcStatus.threads("Name:\tx\n"));
        assertEquals(OptionalLong.of(20000), ProcLimits.maxOpenFilesSoft(ProcFixtures.read("procfs/4242/limits")));
        assertEquals(OptionalLong.of(-1), ProcLimits.maxOpenFilesSoft(
                "Limit                     Soft Limit           Hard Limit           Units     \n"
                + "Max open files            unlimited            unlimited            files     \n"));
        assertEquals(OptionalLong.empty(), ProcLimits.maxOpenFilesSoft("Max cpu time   unlimited   unlimited   seconds\n"));
        assertTrue(ProcessCounter.isSocketTarget("socket:[1]"));
        assertFalse(ProcessCounter.isSocketTarget("/tmp/socket"));
    }

    @Test
    void liveThisJvmHasThreadsFdsAndTheSocketItOpened() throws IOException {
        ProcessCounter counter = new ProcessCounter(HostPaths.defaults());
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProcessCounts counts = counter.count(new long[] {SELF}, 0);
            assertEquals(1, counts.processes());
            assertTrue(counts.threads() > 1, counts.toString());
            assertTrue(counts.fileDescriptors() > 0, counts.toString());
            assertTrue(counts.sockets() >= 1, counts.toString());
            assertTrue(counts.sockets() <= counts.fileDescriptors());
        }
        assertTrue(counter.maxOpenFilesSoft(SELF).isPresent());
    }

    @Test
    void liveProcessesThatExitDuringTheCountAreSkipped() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        long gone = exited.pid();
        ProcessCounter counter = new ProcessCounter(HostPaths.defaults());
        ProcessCounts counts = counter.count(new long[] {gone, SELF}, 0);
        assertEquals(2, counts.processes(), "cAdvisor counts the listed PIDs");
        assertTrue(counts.threads() > 1);
        if (ProcessHandle.of(gone).isEmpty()) { // unless the PID was reused meanwhile
            assertEquals(OptionalLong.empty(), counter.threads(gone));
            assertEquals(OptionalLong.empty(), counter.maxOpenFilesSoft(gone));
        }

        // Churn: processes start and exit while we count them over and over.
        List<Process> churn = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            churn.add(new ProcessBuilder("sh", "-c", "exit 0").start());
            counter.count(churn.stream().mapToLong(Process::pid).toArray(), 0);
        }
        for (Process p : churn) {
            p.waitFor();
        }
    }
}
