package dev.vigil.container.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineInfoTest {

    @Test
    void readsTheFixtureHost() throws IOException {
        MachineInfo info = new MachineInfoReader(ProcFixtures.paths()).read();
        assertEquals(new CpuCounts(2, 2, 1), info.cpus());
        assertEquals(24684084L * 1024, info.memoryBytes());
        assertEquals(0, info.swapBytes(), "SwapTotal: 0 kB");
        assertEquals(new MachineIds("5284b284-0941-4e00-9905-6ba911b9d6ff", "3d1219c7c4c5404aaa1f6d2a48adfda4", ""),
                info.ids());
    }

    @Test
    void sysfsCpusCarryTopologyAndOnlineState() throws IOException {
        assertEquals(List.of(new SysfsCpu(0, true, "0", "0"), new SysfsCpu(1, true, "1", "0")),
                new MachineInfoReader(ProcFixtures.paths()).sysfsCpus());
    }

    @Test
    void cpuinfoCountsProcessorsCoreIdsAndPhysicalIds() {
        assertEquals(new CpuInfo(2, 2, 1), CpuInfo.parse(ProcFixtures.read("procfs/cpuinfo")));
        assertEquals(new CpuInfo(3, 0, 0), CpuInfo.parse("processor\t: 0\nBogoMIPS\t: 50.00\n\n"
                + "processor\t: 1\n\nprocessor\t: 2\n"));
    }

    @Test
    void twoSocketsWithHyperthreadsKeepCadvisorsCoreIdQuirk() {
        StringBuilder cpuinfo = new StringBuilder();
        int n = 0;
        for (int socket = 0; socket < 2; socket++) {
            for (int thread = 0; thread < 2; thread++) {
                for (int core = 0; core < 4; core++) {
                    cpuinfo.append("processor\t: ").append(n++).append("\nphysical id\t: ").append(socket)
                            .append("\ncore id\t\t: ").append(core).append("\n\n");
                }
            }
        }
        CpuInfo info = CpuInfo.parse(cpuinfo.toString());
        assertEquals(new CpuInfo(16, 4, 2), info);
        assertEquals(new CpuCounts(16, 4, 2), CpuCounts.of(List.of(), false, info),
                "cAdvisor counts distinct core ids, not (socket, core) pairs");
    }

    @Test
    void withoutCoreIdsInCpuinfoOnlineSysfsPairsCount() {
        List<SysfsCpu> cpus = List.of(
                new SysfsCpu(0, true, "0", "0"), new SysfsCpu(1, true, "0", "0"),
                new SysfsCpu(2, true, "0", "1"), new SysfsCpu(3, true, "1", "1"),
                new SysfsCpu(4, false, "2", "2"), new SysfsCpu(5, true, null, null));
        CpuInfo arm = new CpuInfo(6, 0, 0);
        // NUMA: online CPUs with topology (0-3); pairs 0_0, 0_1, 1_1 and 0_0 again for cpu5's missing files.
        assertEquals(new CpuCounts(4, 3, 2), CpuCounts.of(cpus, true, arm));
        // No NUMA nodes: every cpuN directory is a logical CPU.
        assertEquals(new CpuCounts(6, 3, 2), CpuCounts.of(cpus, false, arm));
        // No sysfs at all: cpuinfo's processor lines.
        assertEquals(new CpuCounts(6, 0, 0), CpuCounts.of(List.of(), false, arm));
    }

    @Test
    void offlineCpusAndMissingTopologyFromFiles(@TempDir Path dir) throws IOException {
        ProcFixtures.write(dir, "procfs/cpuinfo", "processor\t: 0\nprocessor\t: 1\nprocessor\t: 2\n");
        ProcFixtures.write(dir, "procfs/meminfo", "MemTotal:        1000 kB\nSwapTotal:       10 kB\n");
        ProcFixtures.write(dir, "sysfs/devices/system/cpu/online", "0,2\n");
        ProcFixtures.write(dir, "sysfs/devices/system/cpu/cpu0/topology/core_id", "0\n");
        ProcFixtures.write(dir, "sysfs/devices/system/cpu/cpu0/topology/physical_package_id", "0\n");
        ProcFixtures.write(dir, "sysfs/devices/system/cpu/cpu1/topology/core_id", "1\n");
        ProcFixtures.write(dir, "sysfs/devices/system/cpu/cpu1/topology/physical_package_id", "0\n");
        ProcFixtures.write(dir, "sysfs/devices/system/cpu/cpu2/topology/core_id", "2\n");
        ProcFixtures.write(dir, "sysfs/devices/system/cpu/cpu2/topology/physical_package_id", "0\n");
        Files.createDirectories(dir.resolve("sysfs/devices/system/cpu/cpufreq"));
        Files.createDirectories(dir.resolve("sysfs/devices/system/node/node0"));
        MachineInfo info = new MachineInfoReader(ProcFixtures.under(dir)).read();
        assertEquals(new CpuCounts(2, 2, 1), info.cpus(), "cpu1 is offline");
        assertEquals(1024000, info.memoryBytes());
        assertEquals(10240, info.swapBytes());
        assertEquals(new MachineIds("", "", ""), info.ids());
    }

    @Test
    void machineIdFallsBackToDbusAndMissingMeminfoIsAnError(@TempDir Path dir) throws IOException {
        ProcFixtures.write(dir, "rootfs/var/lib/dbus/machine-id", "abc\n");
        ProcFixtures.write(dir, "sysfs/class/dmi/id/product_uuid", "4C4C4544-0042-3510-8052-B4C04F4A3732\n");
        MachineInfoReader reader = new MachineInfoReader(ProcFixtures.under(dir));
        assertEquals(new MachineIds("", "abc", "4C4C4544-0042-3510-8052-B4C04F4A3732"), reader.ids());
        assertThrows(IOException.class, reader::read);
        ProcFixtures.write(dir, "procfs/meminfo", "MemFree: 1 kB\n");
        assertThrows(IOException.class, reader::memTotalBytes);
    }

    @Test
    void meminfoAndCpuListParsers() {
        assertEquals(OptionalLong.of(24684084L * 1024), MemInfo.memTotalBytes(ProcFixtures.read("procfs/meminfo")));
        assertEquals(OptionalLong.empty(), MemInfo.swapTotalBytes("MemTotal: 1 kB\n"));
        assertThrows(IllegalArgumentException.class, () -> MemInfo.memTotalBytes("MemTotal: 1 MB\n"));
        BitSet cpus = CpuList.parse("0-3,8,10-11\n");
        assertEquals("{0, 1, 2, 3, 8, 10, 11}", cpus.toString());
        assertEquals(0, CpuList.parse("\n").cardinality());
        assertThrows(IllegalArgumentException.class, () -> CpuList.parse("3-1"));
        assertThrows(IllegalArgumentException.class, () -> CpuList.parse("a"));
    }

    @Test
    void liveThisHost() throws IOException {
        MachineInfoReader reader = new MachineInfoReader(HostPaths.defaults());
        MachineInfo info = reader.read();
        long processors = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("processor")).count();
        assertEquals(processors, info.cpus().logical(), info.toString());
        assertTrue(info.cpus().physicalCores() >= 1 && info.cpus().physicalCores() <= info.cpus().logical());
        assertTrue(info.cpus().sockets() >= 1 && info.cpus().sockets() <= info.cpus().physicalCores());
        assertTrue(info.memoryBytes() > 0);
        assertTrue(info.ids().bootId().matches("[0-9a-f-]{36}"), info.ids().bootId());
    }
}
