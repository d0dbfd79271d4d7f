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
import dev.vigil.container.cgroup.CgroupStats.Pressure;
import dev.vigil.container.cgroup.CgroupStats.PressureLine;
import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-written v2 fixture: systemd (docker, kubepods) and cgroupfs (docker) layouts. */
class V2GoldenTest {
    private static final HostPaths PATHS = Fixtures.paths("v2");
    private final CgroupStatsReader reader =
            CgroupStatsReader.of(CgroupMounts.discover(PATHS), PATHS, Fixtures.CLOCK);

    private static Optional<Pressure> psi(double s10, double s60, double s300, long sTotal,
            double f10, double f60, double f300, long fTotal) {
        return Optional.of(new Pressure(Optional.of(new PressureLine(s10, s60, s300, sTotal)),
                Optional.of(new PressureLine(f10, f60, f300, fTotal))));
    }

    private static Map<String, Long> readWrite(long read, long write) {
        Map<String, Long> ops = new LinkedHashMap<>();
        ops.put("Read", read);
        ops.put("Write", write);
        return ops;
    }

    @Test
    void dockerSystemdScope() throws IOException {
        String cgroup = "/system.slice/docker-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.scope";
        CgroupStats expected = new CgroupStats(cgroup, NOW,
                new Cpu(of(45678901000L), of(40123456000L), of(5555445000L), List.of(), of(8123), of(412),
                        of(30987654000L), of(0), of(0)),
                new Memory(of(157286400), of(209715200), of(157286400 - 29360128), of(104857600), of(50331648),
                        of(4096), of(8388608), NONE, NONE, of(20971520), of(29360128), of(123456), of(78), of(123456),
                        of(78), of(0), of(17), of(2), of(1), of(1)),
                List.of(new BlockIoDevice(254, 0, of(1459200), of(314773504), of(192), of(353),
                        readWrite(1459200, 314773504))),
                new Pids(of(12), of(4915)),
                new CpuSpec(of(100000), of(150000), of(2597)),
                new MemorySpec(of(536870912), of(0), of(0)),
                psi(0.0, 0.17, 0.07, 2345678, 0.0, 0.12, 0.05, 1876543),
                psi(0, 0, 0, 0, 0, 0, 0, 0),
                psi(0.10, 0.05, 0.01, 345678, 0.10, 0.05, 0.01, 340000),
                Optional.of(List.of(4321L, 4388L)));
        assertEquals(expected, reader.read(cgroup));
    }

    @Test
    void kubernetesContainerSystemdDriver() throws IOException {
        String cgroup = CgroupTreeTest.POD_SLICE
                + "/cri-containerd-fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210.scope";
        CgroupStats expected = new CgroupStats(cgroup, NOW,
                new Cpu(of(98000000000L), of(87000000000L), of(11000000000L), List.of(), of(2000), of(150),
                        of(7500000000L), of(4), of(120000000L)),
                // inactive_file > usage: the working set floors at 0
                new Memory(of(31457280), of(41943040), of(0), of(25165824), of(6291456), of(0), of(1048576), NONE,
                        NONE, of(2097152), of(41943040), of(4800), of(3), of(4800), of(3), of(0), of(0), of(0), of(0),
                        NONE),
                List.of(), // empty io.stat
                new Pids(of(3), of(0)),
                new CpuSpec(of(100000), of(50000), of(998)),
                new MemorySpec(of(268435456), of(16777216), of(0)),
                Optional.of(new Pressure(Optional.of(new PressureLine(0, 0, 0, 1000)),
                        Optional.of(new PressureLine(0, 0, 0, 900)))),
                Optional.empty(), Optional.empty(),
                Optional.of(List.of(9001L)));
        assertEquals(expected, reader.read(cgroup));
    }

    @Test
    void dockerCgroupfsOnAnOlderKernel() throws IOException {
        String cgroup = "/docker/9999999999999999999999999999999999999999999999999999999999999999";
        CgroupStats expected = new CgroupStats(cgroup, NOW,
                new Cpu(of(5000000000L), of(3000000000L), of(2000000000L), List.of(), of(0), of(0), of(0), of(0),
                        of(0)),
                new Memory(of(10485760), NONE, of(10485760 - 3145728), of(6291456), of(4194304), NONE, of(0), NONE,
                        NONE, of(1048576), of(3145728), of(700), of(0), of(700), of(0), of(5), of(0), of(0), of(0),
                        NONE),
                // the "bogus line" of io.stat is skipped, the devices around it are kept
                List.of(new BlockIoDevice(8, 0, of(4096), of(8192), of(1), of(2), readWrite(4096, 8192)),
                        new BlockIoDevice(8, 16, of(12288), of(0), of(3), of(0), readWrite(12288, 0))),
                new Pids(of(3), NONE), // no pids controller: current counts cgroup.procs
                new CpuSpec(of(100000), of(0), of(2)),
                new MemorySpec(of(0), NONE, NONE),
                Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(List.of(7001L, 7002L, 7003L)));
        assertEquals(expected, reader.read(cgroup));
    }

    @Test
    void root() throws IOException {
        CgroupStats expected = new CgroupStats("/", NOW,
                new Cpu(of(912345678901000L), of(612345678901000L), of(300000000000000L), List.of(), NONE, NONE,
                        NONE, NONE, NONE),
                // no memory.current at the root: anon + file; swap from meminfo (SwapTotal - SwapFree)
                new Memory(of(3221225472L), NONE, of(3221225472L - 805306368L), of(1073741824L), of(2147483648L),
                        of((2097148L - 2092028L) * 1024), of(268435456L), NONE, NONE, of(1073741824L),
                        of(805306368L), of(98765432L), of(1234), of(98765432L), of(1234), NONE, NONE, NONE, NONE,
                        NONE),
                List.of(new BlockIoDevice(254, 0, of(24916967424L), of(51042304000L), of(713084), of(954067),
                                readWrite(24916967424L, 51042304000L)),
                        new BlockIoDevice(253, 0, of(0), of(0), of(0), of(0), readWrite(0, 0))),
                new Pids(of(3), NONE),
                new CpuSpec(NONE, NONE, NONE),
                new MemorySpec(NONE, NONE, NONE),
                Optional.of(new Pressure(Optional.of(new PressureLine(0.55, 0.31, 0.12, 82345678)),
                        Optional.of(new PressureLine(0, 0, 0, 0)))),
                psi(0, 0, 0, 1234567, 0, 0, 0, 987654),
                psi(1.02, 0.64, 0.25, 45678901, 0.97, 0.60, 0.23, 43210987),
                Optional.of(List.of(1L, 2L, 3L)));
        assertEquals(expected, reader.read("/"));
    }

    @Test
    void secondsViews() throws IOException {
        CgroupStats stats = reader.read("/docker/9999999999999999999999999999999999999999999999999999999999999999");
        assertEquals(5.0, stats.cpu().usageSeconds().orElseThrow());
        assertEquals(3.0, stats.cpu().userSeconds().orElseThrow());
        assertEquals(2.0, stats.cpu().systemSeconds().orElseThrow());
        assertEquals(0.0, stats.cpu().throttledSeconds().orElseThrow());
    }

    @Test
    void missingCgroupIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> reader.read("/system.slice/docker-gone.scope"));
    }

    @ParameterizedTest
    @CsvSource({"1, 2", "100, 2597", "39, 998", "10000, 262144", "5000, 131059"})
    void weightToSharesAsRunc(long weight, long shares) {
        assertEquals(OptionalLong.of(shares), V2StatsReader.weightToShares(OptionalLong.of(weight)));
    }

    @ParameterizedTest
    @CsvSource({"0", "10001"})
    void weightOutOfRangeIsAbsent(long weight) {
        assertEquals(OptionalLong.empty(), V2StatsReader.weightToShares(OptionalLong.of(weight)));
    }
}
