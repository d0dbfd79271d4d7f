package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesCollectorTest {
    private static final Parity PROCESSES = Parity.of("node_processes_", "node_scrape_collector_success");

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("processes");
        Scrape ours = Exporters.vigil(args);
        PROCESSES.assertSame(ours, Exporters.reference(args));
        assertEquals(4.0, ours.families.get("node_processes_pids").samples.get("node_processes_pids"));
        assertEquals(5, ours.families.get("node_processes_threads_state").samples.size() + 1);
    }

    @Test
    void threadsThatExitWhileReadAreSkipped(@TempDir Path dir) throws Exception {
        ScratchTree tree = new ScratchTree(dir).fixture("proc/412/stat").fixture("proc/412/task/412/stat")
                .fixture("proc/412/task/415/stat").fixture("proc/sys/kernel/threads-max")
                .fixture("proc/sys/kernel/pid_max")
                // A thread directory whose stat is gone, and a process directory whose stat is gone.
                .file("proc/412/task/416/status", "Name:\tworker-2\n")
                .file("proc/5000/cmdline", "");
        List<String> args = tree.args("processes");
        Scrape ours = Exporters.vigil(args);
        PROCESSES.assertSame(ours, Exporters.reference(args));
        assertEquals(1.0, ours.families.get("node_processes_pids").samples.get("node_processes_pids"));
    }

    @Test
    void aBrokenStatFails(@TempDir Path dir) throws Exception {
        List<String> args = new ScratchTree(dir).file("proc/12/stat", "12 (x) S 1 2\n")
                .fixture("proc/sys/kernel/threads-max").fixture("proc/sys/kernel/pid_max").args("processes");
        PROCESSES.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void missingLimitsHaveNoData(@TempDir Path dir) throws Exception {
        Scrape ours = Exporters.vigil(new ScratchTree(dir).fixture("proc/412/stat").args("processes"));
        assertEquals(0.0, ours.families.get("node_scrape_collector_success").samples
                .get("node_scrape_collector_success{collector=\"processes\"}"));
    }
}
