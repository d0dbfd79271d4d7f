package dev.vigil.container.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupMountsTest {

    @Test
    void v1FromMountinfoWithSeparateCpuAndCpuacct() {
        HostPaths paths = Fixtures.paths("v1");
        CgroupMounts mounts = CgroupMounts.discover(paths);
        Path cg = paths.sys("fs", "cgroup");
        assertEquals(CgroupMode.V1, mounts.mode());
        assertEquals(Map.of("cpu", cg.resolve("cpu"), "cpuacct", cg.resolve("cpuacct"), "cpuset", cg.resolve("cpuset"),
                "memory", cg.resolve("memory"), "devices", cg.resolve("devices"), "freezer", cg.resolve("freezer"),
                "blkio", cg.resolve("blkio"), "pids", cg.resolve("pids"), "name=systemd", cg.resolve("systemd")),
                mounts.v1());
        assertEquals(Optional.empty(), mounts.unified());
        assertEquals(8, mounts.v1Hierarchies().size());
    }

    @Test
    void hybridFromConventionalDirsWithCombinedCpuCpuacct() {
        HostPaths paths = Fixtures.paths("hybrid"); // this fixture has no mountinfo
        CgroupMounts mounts = CgroupMounts.discover(paths);
        Path cg = paths.sys("fs", "cgroup");
        assertEquals(CgroupMode.HYBRID, mounts.mode());
        assertEquals(Map.of("cpu", cg.resolve("cpu,cpuacct"), "cpuacct", cg.resolve("cpu,cpuacct"),
                "memory", cg.resolve("memory"), "blkio", cg.resolve("blkio"), "pids", cg.resolve("pids"),
                "name=systemd", cg.resolve("systemd")), mounts.v1());
        assertEquals(Set.of(cg.resolve("cpu,cpuacct"), cg.resolve("memory"), cg.resolve("blkio"), cg.resolve("pids")),
                mounts.v1Hierarchies());
        assertEquals(Optional.of(cg.resolve("unified")), mounts.unified());
    }

    @Test
    void v2IsTheRoot() {
        HostPaths paths = Fixtures.paths("v2");
        CgroupMounts mounts = CgroupMounts.discover(paths);
        assertEquals(CgroupMode.V2, mounts.mode());
        assertEquals(Map.of(), mounts.v1());
        assertEquals(Optional.of(paths.sys("fs", "cgroup")), mounts.unified());
    }

    @Test
    void noCgroupFilesystemIsV1WithNothing(@TempDir Path dir) {
        HostPaths paths = new HostPaths(dir.resolve("proc"), dir.resolve("sys"), dir, dir);
        CgroupMounts mounts = CgroupMounts.discover(paths);
        assertEquals(CgroupMode.V1, mounts.mode());
        assertEquals(Map.of(), mounts.v1());
    }

    @Test
    void rebasesMountPointsUnderTheRoots() {
        HostPaths host = new HostPaths(Path.of("/host/proc"), Path.of("/host/sys"), Path.of("/host"), Path.of("/u"));
        assertEquals(Path.of("/host/sys/fs/cgroup/cpu"), CgroupMounts.rebase("/sys/fs/cgroup/cpu", host));
        assertEquals(Path.of("/host/sys/fs/cgroup/cpu"), CgroupMounts.rebase("/host/sys/fs/cgroup/cpu", host));
        assertEquals(Path.of("/host/cgroup/memory"), CgroupMounts.rebase("/cgroup/memory", host));
        assertEquals(Path.of("/sys/fs/cgroup/cpu"), CgroupMounts.rebase("/sys/fs/cgroup/cpu", HostPaths.defaults()));
    }

    @Test
    void aHierarchyMountedTwicePrefersTheConventionalPlace(@TempDir Path dir) throws IOException {
        HostPaths paths = new HostPaths(dir.resolve("proc"), dir.resolve("sys"), dir, dir);
        Files.createDirectories(dir.resolve("sys/fs/cgroup/pids"));
        Files.createDirectories(dir.resolve("elsewhere/pids"));
        String text = "60 22 0:41 / /elsewhere/pids rw - cgroup cgroup rw,pids\n"
                + "39 31 0:41 / /sys/fs/cgroup/pids rw - cgroup cgroup rw,pids\n"
                + "61 22 0:42 / /missing rw - cgroup cgroup rw,memory\n"
                + "62 22 0:43 / /elsewhere/pids rw - cgroup cgroup rw,xattr,release_agent=/x,cpuset_v2_mode\n";
        assertEquals(Map.of("pids", dir.resolve("sys/fs/cgroup/pids")),
                CgroupMounts.fromMountInfo(MountInfo.parse(text), paths));
    }
}
