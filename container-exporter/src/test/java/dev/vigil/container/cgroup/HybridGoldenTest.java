package dev.vigil.container.cgroup;

import static dev.vigil.container.cgroup.Fixtures.NONE;
import static dev.vigil.container.cgroup.Fixtures.NOW;
import static dev.vigil.container.cgroup.Fixtures.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.container.cgroup.CgroupStats.Cpu;
import dev.vigil.container.cgroup.CgroupStats.CpuSpec;
import dev.vigil.container.cgroup.CgroupStats.Memory;
import dev.vigil.container.cgroup.CgroupStats.MemorySpec;
import dev.vigil.container.cgroup.CgroupStats.Pids;
import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hybrid fixture: systemd layout in v1 hierarchies with {@code cpu,cpuacct} co-mounted, found
 * without mountinfo, and a {@code unified} tree with no controllers. Stats come from v1, as in cAdvisor.
 */
class HybridGoldenTest {
    private static final HostPaths PATHS = Fixtures.paths("hybrid");
    private final CgroupStatsReader reader =
            CgroupStatsReader.of(CgroupMounts.discover(PATHS), PATHS, Fixtures.CLOCK);

    private static CgroupStats realContainer(String cgroup, List<Long> procs) {
        return new CgroupStats(cgroup, NOW,
                new Cpu(of(1276321800L), of(1_020_000_000L), of(250_000_000L), List.of(1018609391L, 257712409L),
                        of(27), of(24), of(1193889034L), of(0), of(0)),
                new Memory(of(41783296), of(41922560), of(1777664), of(110592), of(40112128), of(0), of(0), of(0),
                        of(1294336), of(106496), of(40005632), of(1033), of(2), of(1033), of(2),
                        NONE, NONE, NONE, of(0), NONE),
                List.of(),
                new Pids(of(2), of(64)),
                new CpuSpec(of(100000), of(50000), of(512)),
                new MemorySpec(of(268435456), of(134217728), of(0)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(procs));
    }

    @Test
    void dockerSystemdScopeReadsFromTheCoMountedCpuHierarchy() throws IOException {
        String cgroup = "/system.slice/docker-c0ffee00112233445566778899aabbccddeeff00112233445566778899aabbcc.scope";
        assertEquals(realContainer(cgroup, List.of(24513L, 24520L)), reader.read(cgroup));
    }

    @Test
    void kubernetesContainerSystemdDriver() throws IOException {
        String cgroup = CgroupTreeTest.POD_SLICE
                + "/cri-containerd-d00dfeed0123456789abcdef0123456789abcdef0123456789abcdef01234567.scope";
        assertEquals(realContainer(cgroup, List.of(4242L)), reader.read(cgroup));
    }

    @Test
    void aSliceWithOnlyDirectoriesHasNoValuesButItsProcesses() throws IOException {
        CgroupStats stats = reader.read("/system.slice");
        assertEquals(NONE, stats.cpu().usageNanos());
        assertEquals(List.of(), stats.cpu().perCpuNanos());
        assertEquals(NONE, stats.memory().usage());
        assertEquals(Optional.of(List.of()), stats.processes());
    }
}
