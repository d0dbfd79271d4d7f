package dev.vigil.container.cgroup;

import static dev.vigil.container.cgroup.Fixtures.NONE;
import static dev.vigil.container.cgroup.Fixtures.NOW;
import static dev.vigil.container.cgroup.Fixtures.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.container.cgroup.CgroupStats.BlockIoDevice;
import dev.vigil.container.cgroup.CgroupStats.Cpu;
import dev.vigil.container.cgroup.CgroupStats.CpuSpec;
import dev.vigil.container.cgroup.CgroupStats.Memory;
import dev.vigil.container.cgroup.CgroupStats.MemorySpec;
import dev.vigil.container.cgroup.CgroupStats.Pids;
import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The v1 fixture (cgroupfs layout; files copied from a real v1 host, see the fixtures README). */
class V1GoldenTest {
    private static final HostPaths PATHS = Fixtures.paths("v1");
    private final CgroupStatsReader reader =
            CgroupStatsReader.of(CgroupMounts.discover(PATHS), PATHS, Fixtures.CLOCK);

    @Test
    void dockerContainer() throws IOException {
        String cgroup = "/docker/" + CgroupTreeTest.V1_A;
        CgroupStats expected = new CgroupStats(cgroup, NOW,
                new Cpu(of(1276321800L), of(102 * 10_000_000L), of(25 * 10_000_000L), List.of(1018609391L, 257712409L),
                        of(27), of(24), of(1193889034L), of(0), of(0)),
                new Memory(of(41783296), of(41922560), of(41783296 - 40005632), of(110592), of(40112128), of(0), of(0),
                        of(0), of(1294336), of(106496), of(40005632), of(1033), of(2), of(1033), of(2),
                        NONE, NONE, NONE, of(0), NONE),
                List.of(), // this host's virtio disk shows no blkio accounting: only "Total 0" lines
                new Pids(of(2), of(64)),
                new CpuSpec(of(100000), of(50000), of(512)),
                new MemorySpec(of(268435456), of(134217728), of(0)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(List.of(24513L, 24520L)));
        assertEquals(expected, reader.read(cgroup));
    }

    @Test
    void kubernetesContainerWithoutHierarchyAndWithThrottleBlkio() throws IOException {
        String cgroup = "/kubepods/burstable/" + CgroupTreeTest.POD + "/" + CgroupTreeTest.V1_B;
        CgroupStats stats = reader.read(cgroup);
        // use_hierarchy 0: this cgroup's own keys (the total_ twins were doubled in the fixture to tell them apart),
        // but the working set and active/inactive file always use total_, and hierarchical faults total_pgfault.
        assertEquals(new Memory(of(41783296), of(41922560), of(41783296 - 40005632), of(110592), of(40112128), of(0),
                of(0), of(0), of(1294336), of(106496), of(40005632), of(1033), of(2), of(2066), of(4),
                NONE, NONE, NONE, of(0), NONE), stats.memory());
        assertEquals(new CpuSpec(of(100000), of(0), of(512)), stats.cpuSpec()); // quota -1 → 0
        assertEquals(new MemorySpec(of(0), of(134217728), of(0)), stats.memorySpec());
        assertEquals(new Pids(of(2), of(0)), stats.pids()); // pids.max "max" → 0
        Map<String, Long> vdaBytes = new LinkedHashMap<>();
        vdaBytes.put("Read", 1282048L);
        vdaBytes.put("Write", 2195456L);
        vdaBytes.put("Sync", 3129344L);
        vdaBytes.put("Async", 348160L);
        vdaBytes.put("Discard", 0L);
        vdaBytes.put("Total", 3477504L);
        Map<String, Long> zramBytes = new LinkedHashMap<>();
        zramBytes.put("Read", 4096L);
        zramBytes.put("Write", 0L);
        zramBytes.put("Sync", 4096L);
        zramBytes.put("Async", 0L);
        zramBytes.put("Discard", 0L);
        zramBytes.put("Total", 4096L);
        // The bfq files hold only "Total 0", so runc's order falls through to the throttle files.
        assertEquals(List.of(
                new BlockIoDevice(254, 0, of(1282048), of(2195456), of(57), of(312), vdaBytes),
                new BlockIoDevice(253, 0, of(4096), of(0), of(1), of(0), zramBytes)), stats.blockIo());
        assertEquals(Optional.of(List.of(31337L)), stats.processes());
    }

    @Test
    void root() throws IOException {
        CgroupStats expected = new CgroupStats("/", NOW,
                new Cpu(of(23259088584507L), of(1884672L * 10_000_000L), of(441236L * 10_000_000L),
                        List.of(11123536992722L, 12135554738701L), of(0), of(0), of(0), of(0), of(0)),
                new Memory(of(2886799360L), of(8776876032L), of(2886799360L - 928370688L), of(937263104L),
                        of(1949712384L), of(0), of(121335808L), of(0), of(228278272L), of(1012252672L), of(928370688L),
                        of(427860), of(0), of(324504496L), of(82896), NONE, NONE, NONE, of(0), NONE),
                List.of(),
                new Pids(NONE, NONE), // the v1 root has no pids.current / pids.max
                new CpuSpec(of(100000), of(0), of(1024)),
                new MemorySpec(of(0), of(0), of(0)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(List.of(1L, 2L, 77L, 2321L)));
        assertEquals(expected, reader.read("/"));
    }

    @Test
    void aCgroupInOneHierarchyOnlyHasOnlyThatControllersValues() throws IOException {
        CgroupStats stats = reader.read("/user.slice"); // exists under memory only
        assertEquals(NONE, stats.cpu().usageNanos());
        assertEquals(NONE, stats.memory().usage()); // the fixture dir holds only cgroup.procs
        assertEquals(Optional.empty(), stats.processes());
    }

    @Test
    void missingCgroupIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> reader.read("/docker/gone"));
        assertThrows(IOException.class, () -> reader.read("docker"));
        assertThrows(IOException.class, () -> reader.read("/docker/../.."));
    }
}
