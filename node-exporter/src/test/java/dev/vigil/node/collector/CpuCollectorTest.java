package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.node.procfs.CpuInfo;
import dev.vigil.node.procfs.CpuInfoTest;
import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.RecordingSink;
import dev.vigil.node.testing.Scrape;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuCollectorTest {
    private static final Parity CPU = Parity.of("node_cpu_", "node_scrape_collector_success");

    /** Four logical CPUs on two sockets, as {@link CpuInfoTest#X86_XEON} describes them. */
    private static final String XEON_STAT = """
            cpu  4000 10 2000 90000 300 0 120 0 50 5
            cpu0 1000 10 500 22500 75 0 30 0 50 5
            cpu1 1000 0 500 22500 75 0 30 0 0 0
            cpu2 1000 0 500 22500 75 0 30 0 0 0
            cpu3 1000 0 500 22500 75 0 30 0 0 0
            intr 100 0
            ctxt 200
            btime 1700000000
            processes 300
            procs_running 1
            procs_blocked 0
            softirq 10 0 1 2 3 4 0 0 0 0 0
            """;

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("cpu");
        CPU.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void matchesNodeExporterWithInfoAndEveryFlagAndBug() throws Exception {
        List<String> args = Args.fixtureCollector("cpu", "--collector.cpu.info",
                "--collector.cpu.info.flags-include=.", "--collector.cpu.info.bugs-include=.");
        Scrape ours = Exporters.vigil(args);
        CPU.assertSame(ours, Exporters.reference(args));
        assertEquals(2, ours.families.get("node_cpu_info").samples.size());
        assertTrue(ours.families.get("node_cpu_flag_info").samples.size() > 100);
    }

    @Test
    void anIncludeFlagAloneTurnsInfoOnAndFilters() throws Exception {
        List<String> args = Args.fixtureCollector("cpu", "--collector.cpu.info.flags-include=^avx512(f|bw)$",
                "--collector.cpu.info.bugs-include=spectre_v2");
        Scrape ours = Exporters.vigil(args);
        CPU.assertSame(ours, Exporters.reference(args));
        assertEquals(2, ours.families.get("node_cpu_flag_info").samples.size());
        assertEquals(2, ours.families.get("node_cpu_bug_info").samples.size());
        assertTrue(ours.families.containsKey("node_cpu_info"));
    }

    @Test
    void infoWithoutIncludesHasNoFlagsOrBugs() throws Exception {
        List<String> args = Args.fixtureCollector("cpu", "--collector.cpu.info");
        Scrape ours = Exporters.vigil(args);
        CPU.assertSame(ours, Exporters.reference(args));
        assertFalse(ours.families.containsKey("node_cpu_flag_info"));
    }

    @Test
    void guestTimeCanBeTurnedOff() throws Exception {
        List<String> args = Args.fixtureCollector("cpu", "--no-collector.cpu.guest");
        Scrape ours = Exporters.vigil(args);
        CPU.assertSame(ours, Exporters.reference(args));
        assertFalse(ours.families.containsKey("node_cpu_guest_seconds_total"));
        assertTrue(Exporters.vigil(Args.fixtureCollector("cpu")).families.containsKey("node_cpu_guest_seconds_total"));
    }

    @Test
    void matchesNodeExporterOnATwoSocketXeonWithThrottlesAndIsolatedCpus(@TempDir Path dir) throws Exception {
        ScratchTree tree = xeon(dir);
        List<String> args = tree.args("cpu", "--collector.cpu.info", "--collector.cpu.info.flags-include=^avx512",
                "--collector.cpu.info.bugs-include=spectre");
        Scrape ours = Exporters.vigil(args);
        CPU.assertSame(ours, Exporters.reference(args));
        assertEquals(2, ours.families.get("node_cpu_package_throttles_total").samples.size());
        assertEquals(3, ours.families.get("node_cpu_core_throttles_total").samples.size());
        assertEquals(2, ours.families.get("node_cpu_isolated").samples.size());
    }

    @Test
    void matchesNodeExporterOnAnArm64Host(@TempDir Path dir) throws Exception {
        // node_exporter built for amd64 reads cpuinfo with its x86 reader; on this host so do we.
        ScratchTree tree = new ScratchTree(dir).file("proc/stat", dev.vigil.node.procfs.StatTest.ARM64)
                .file("proc/cpuinfo", CpuInfoTest.ARM64).file("sys/devices/system/cpu/isolated", "\n");
        List<String> args = tree.args("cpu", "--collector.cpu.info", "--collector.cpu.info.flags-include=.");
        CPU.assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void arm64FlagsComeFromFeaturesWithTheArmReader(@TempDir Path dir) throws Exception {
        ScratchTree tree = new ScratchTree(dir).file("proc/stat", dev.vigil.node.procfs.StatTest.ARM64)
                .file("proc/cpuinfo", CpuInfoTest.ARM64);
        CpuCollector collector = new CpuCollector(tree.paths(), true, true, Pattern.compile("^(aes|sha2)$"), null,
                CpuInfo.Arch.ARM);
        RecordingSink sink = new RecordingSink();
        collector.update(sink);
        assertEquals(1, sink.get("node_cpu_flag_info{flag=\"aes\"}"));
        assertEquals(1, sink.get("node_cpu_flag_info{flag=\"sha2\"}"));
        assertEquals(2, sink.byKey().keySet().stream().filter(k -> k.startsWith("node_cpu_flag_info")).count());
        assertEquals(1, sink.get("node_cpu_info{package=\"\",core=\"\",cpu=\"1\",vendor=\"\",family=\"\",model=\"\","
                + "model_name=\"\",microcode=\"\",stepping=\"\",cachesize=\"\"}"));
        // CPU 2 is offline: no line, so zeros, as node_exporter 1.5 numbers CPUs densely.
        assertEquals(296.25, sink.get("node_cpu_seconds_total{cpu=\"3\",mode=\"user\"}"));
        assertEquals(0, sink.get("node_cpu_seconds_total{cpu=\"2\",mode=\"user\"}"));
    }

    @Test
    void countersThatGoBackwardsKeepTheirLastValue(@TempDir Path dir) throws Exception {
        ScratchTree tree = new ScratchTree(dir).file("proc/stat", "cpu0 1000 10 500 50000 75 0 30 7 0 0\n");
        CpuCollector collector = new CpuCollector(tree.paths(), true, false, null, null, CpuInfo.Arch.X86);
        collector.update(new RecordingSink());

        // user and steal step back, idle by less than the 3 s hot-plug threshold: all three are held.
        tree.file("proc/stat", "cpu0 990 11 501 49800 75 0 30 6 0 0\n");
        RecordingSink second = new RecordingSink();
        collector.update(second);
        assertEquals(10.00, second.get("node_cpu_seconds_total{cpu=\"0\",mode=\"user\"}"));
        assertEquals(0.11, second.get("node_cpu_seconds_total{cpu=\"0\",mode=\"nice\"}"));
        assertEquals(5.01, second.get("node_cpu_seconds_total{cpu=\"0\",mode=\"system\"}"));
        assertEquals(500.00, second.get("node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"}"));
        assertEquals(0.07, second.get("node_cpu_seconds_total{cpu=\"0\",mode=\"steal\"}"));

        // idle drops by 3 s or more: the CPU was re-plugged, every value starts afresh.
        tree.file("proc/stat", "cpu0 20 1 10 100 0 0 0 0 0 0\n");
        RecordingSink third = new RecordingSink();
        collector.update(third);
        assertEquals(0.20, third.get("node_cpu_seconds_total{cpu=\"0\",mode=\"user\"}"));
        assertEquals(1.00, third.get("node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"}"));
        assertEquals(0.00, third.get("node_cpu_seconds_total{cpu=\"0\",mode=\"iowait\"}"));
    }

    @Test
    void whenTheNumberOfCpusChangesValuesStartAfreshAsInNodeExporter15(@TempDir Path dir) throws Exception {
        ScratchTree tree = new ScratchTree(dir).file("proc/stat", "cpu0 1000 0 0 50000\ncpu1 200 0 0 900\n");
        CpuCollector collector = new CpuCollector(tree.paths(), false, false, null, null, CpuInfo.Arch.X86);
        collector.update(new RecordingSink());
        // cpu1 goes offline: one CPU left, and its smaller user time is taken as it is.
        tree.file("proc/stat", "cpu0 990 0 0 49800\n");
        RecordingSink sink = new RecordingSink();
        collector.update(sink);
        assertEquals(9.9, sink.get("node_cpu_seconds_total{cpu=\"0\",mode=\"user\"}"));
        assertFalse(sink.byKey().containsKey("node_cpu_seconds_total{cpu=\"1\",mode=\"user\"}"));
    }

    @Test
    void aGapInCpuNumbersReadsAsZerosAsInNodeExporter15(@TempDir Path dir) throws Exception {
        ScratchTree tree = new ScratchTree(dir).file("proc/stat", "cpu0 990 0 0 49800\ncpu2 5 0 0 5\n");
        List<String> args = tree.args("cpu");
        Scrape ours = Exporters.vigil(args);
        CPU.assertSame(ours, Exporters.reference(args));
        assertEquals(0.0, ours.families.get("node_cpu_seconds_total").samples
                .get("node_cpu_seconds_total{cpu=\"1\",mode=\"user\"}"));
    }

    @Test
    void aMissingStatFileIsNoData(@TempDir Path dir) throws Exception {
        ScratchTree tree = new ScratchTree(dir);
        CpuCollector collector = new CpuCollector(tree.paths(), true, false, null, null, CpuInfo.Arch.X86);
        assertThrows(dev.vigil.exporter.NoDataException.class, () -> collector.update(new RecordingSink()));
    }

    @Test
    void aBrokenStatFileFails(@TempDir Path dir) throws Exception {
        ScratchTree tree = new ScratchTree(dir).file("proc/stat", "cpu0 1 two 3\n");
        CpuCollector collector = new CpuCollector(tree.paths(), true, false, null, null, CpuInfo.Arch.X86);
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> collector.update(new RecordingSink()));
        assertFalse(e instanceof dev.vigil.exporter.NoDataException);
    }

    @Test
    void badIncludePatternsAndIsolatedListsStopTheStart(@TempDir Path dir) throws Exception {
        ScratchTree tree = new ScratchTree(dir);
        assertThrows(IllegalArgumentException.class, () -> create(tree, "--collector.cpu.info.flags-include=("));
        assertThrows(IllegalArgumentException.class, () -> create(tree, "--collector.cpu.info.bugs-include=[a"));
        tree.file("sys/devices/system/cpu/isolated", "1-x\n");
        assertThrows(IllegalArgumentException.class, () -> create(tree));
    }

    private static void create(ScratchTree tree, String... args) throws Exception {
        FlagSet flags = new FlagSet("test", "test");
        CpuCollector.FACTORY.defineFlags(flags);
        flags.parse(args);
        CpuCollector.FACTORY.create(new CollectorContext(tree.paths(), flags));
    }

    /** The Xeon of {@link CpuInfoTest#X86_XEON}: thermal throttle counts, two isolated CPUs. */
    static ScratchTree xeon(Path dir) {
        ScratchTree tree = new ScratchTree(dir).file("proc/stat", XEON_STAT).file("proc/cpuinfo", CpuInfoTest.X86_XEON)
                .file("sys/devices/system/cpu/isolated", "1,3\n")
                .file("sys/devices/system/cpu/online", "0-3\n")
                .file("sys/devices/system/cpu/cpuidle/current_driver", "intel_idle\n");
        String[][] topology = {{"0", "0"}, {"1", "0"}, {"0", "1"}, {"1", "1"}};
        for (int cpu = 0; cpu < 4; cpu++) {
            String base = "sys/devices/system/cpu/cpu" + cpu + "/";
            tree.file(base + "topology/physical_package_id", topology[cpu][0] + "\n")
                    .file(base + "topology/core_id", topology[cpu][1] + "\n");
        }
        // cpu3 lacks core_throttle_count; cpu2's package count is never read (cpu0 gave package 0's).
        tree.file("sys/devices/system/cpu/cpu0/thermal_throttle/core_throttle_count", "12\n")
                .file("sys/devices/system/cpu/cpu0/thermal_throttle/package_throttle_count", "40\n")
                .file("sys/devices/system/cpu/cpu1/thermal_throttle/core_throttle_count", "3\n")
                .file("sys/devices/system/cpu/cpu1/thermal_throttle/package_throttle_count", "41\n")
                .file("sys/devices/system/cpu/cpu2/thermal_throttle/core_throttle_count", "7\n")
                .file("sys/devices/system/cpu/cpu3/thermal_throttle/package_throttle_count", "41\n")
                // A CPU directory without topology is skipped.
                .file("sys/devices/system/cpu/cpu4/thermal_throttle/core_throttle_count", "99\n");
        return tree;
    }
}
