package dev.vigil.container.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * This host's real cgroups. The v1 part runs where the host is v1 or hybrid; cgroups created for the
 * test need root (skipped otherwise). The v2 part mounts a cgroup2 hierarchy of its own when allowed.
 */
@EnabledOnOs(OS.LINUX)
class CgroupLiveTest {
    private static final HostPaths HOST = HostPaths.defaults();
    private static final String NAME = "vigil-live-" + ProcessHandle.current().pid();

    @Test
    void hostHierarchyListsAndReadsTheRoot() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/sys/fs/cgroup")), "no cgroup filesystem");
        CgroupMounts mounts = CgroupMounts.discover(HOST);
        List<String> cgroups = new CgroupTree(mounts).list();
        assertTrue(cgroups.contains("/"), cgroups.toString());

        CgroupStats root;
        try (CgroupStatsReader reader = CgroupStatsReader.of(mounts, HOST)) {
            root = reader.read("/");
        }
        assertTrue(root.cpu().usageNanos().orElseThrow() > 1_000_000L, "root has used over 1 ms of CPU");
        long memTotal = memTotalBytes();
        if (mounts.mode() != CgroupMode.V2 || mounts.unified().map(u -> Files.exists(u.resolve("memory.stat"))).orElse(false)) {
            long usage = root.memory().usage().orElseThrow();
            assertTrue(usage > 1 << 20 && usage <= memTotal + (1L << 30), "plausible memory usage " + usage);
            long workingSet = root.memory().workingSet().orElseThrow();
            assertTrue(workingSet >= 0 && workingSet <= usage);
        }
        if (mounts.mode() != CgroupMode.V2) {
            long perCpuSum = root.cpu().perCpuNanos().stream().mapToLong(Long::longValue).sum();
            assertTrue(Runtime.getRuntime().availableProcessors() <= root.cpu().perCpuNanos().size(),
                    "one per-CPU value per possible CPU");
            // both counters are read a moment apart; the per-CPU sum is the total split by CPU
            assertTrue(Math.abs(perCpuSum - root.cpu().usageNanos().orElseThrow()) < 5_000_000_000L);
        }
    }

    @Test
    void aCgroupCreatedForTheTestAppearsIsReadAndDisappears() throws Exception {
        CgroupMounts mounts = CgroupMounts.discover(HOST);
        assumeTrue(mounts.mode() != CgroupMode.V2, "this part is for v1 and hybrid hosts");
        Optional<Path> cpu = mounts.controller("cpu");
        Optional<Path> memory = mounts.controller("memory");
        assumeTrue(cpu.isPresent() && memory.isPresent(), "cpu and memory hierarchies are mounted");
        List<Path> created = new ArrayList<>();
        Process sleeper = null;
        try {
            for (Path hierarchy : List.of(cpu.get(), memory.get())) {
                Path dir = hierarchy.resolve(NAME);
                try {
                    Files.createDirectory(dir);
                } catch (IOException e) {
                    // Only root may make cgroups: as root (CI) this is a failure, otherwise the part is skipped.
                    assumeTrue(System.getProperty("user.name").equals("root"), "cannot create a cgroup here (" + e + ")");
                    throw e;
                }
                created.add(dir);
            }
            sleeper = new ProcessBuilder("sleep", "60").start();
            Files.writeString(cpu.get().resolve(NAME).resolve("cgroup.procs"), Long.toString(sleeper.pid()));
            Files.writeString(memory.get().resolve(NAME).resolve("cgroup.procs"), Long.toString(sleeper.pid()));

            CgroupTree tree = new CgroupTree(mounts);
            assertTrue(tree.list().contains("/" + NAME));
            CgroupStats stats;
            try (CgroupStatsReader reader = CgroupStatsReader.of(mounts, HOST)) {
                stats = reader.read("/" + NAME);
            }
            assertEquals(Optional.of(List.of(sleeper.pid())), stats.processes());
            // v1 does not move a task's charge with it (move_charge_at_immigrate 0): usage is there, maybe 0
            assertTrue(stats.memory().usage().orElseThrow() >= 0);
            assertEquals(0, stats.memorySpec().limit().orElseThrow(), "a new cgroup is unlimited");
            assertEquals(0, stats.cpuSpec().quota().orElseThrow(), "cfs_quota_us -1 reads as 0");
            assertEquals(mounts.controller("cpuacct").map(c -> c.equals(cpu.get())).orElse(false),
                    stats.cpu().usageNanos().isPresent(), "cpuacct values only where cpuacct shares cpu's hierarchy");

            sleeper.destroy();
            sleeper.waitFor(10, TimeUnit.SECONDS);
            removeWhenEmpty(created);
            created.clear();
            assertFalse(tree.list().contains("/" + NAME));
            try (CgroupStatsReader reader = CgroupStatsReader.of(mounts, HOST)) {
                assertThrows(NoSuchFileException.class, () -> reader.read("/" + NAME));
            }
        } finally {
            if (sleeper != null) {
                sleeper.destroyForcibly();
                sleeper.waitFor(10, TimeUnit.SECONDS);
            }
            removeWhenEmpty(created);
        }
    }

    /**
     * A cgroup2 hierarchy mounted for the test. On a v1 or hybrid host the controllers are bound to
     * v1, so the new tree has only the core files: cpu.stat's usage (always kept by the kernel),
     * cgroup.procs, and the PSI files when the kernel has PSI. Those are asserted; memory, io and pids
     * values are absent, and the reader says so rather than inventing zeros.
     */
    @Test
    void aCgroup2HierarchyMountedForTheTest(@TempDir Path tmp) throws Exception {
        Path mountPoint = tmp.resolve("sys/fs/cgroup");
        Files.createDirectories(mountPoint);
        Process mount = new ProcessBuilder("mount", "-t", "cgroup2", "none", mountPoint.toString())
                .redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes());
        assumeTrue(mount.waitFor() == 0, "cannot mount cgroup2 here: " + output);
        Path child = mountPoint.resolve(NAME);
        Process sleeper = null;
        CgroupStatsReader reader = null;
        try {
            HostPaths paths = new HostPaths(HOST.procfs(), tmp.resolve("sys"), HOST.rootfs(), HOST.udevData());
            CgroupMounts mounts = CgroupMounts.discover(paths);
            assertEquals(CgroupMode.V2, mounts.mode());
            Files.createDirectory(child);
            sleeper = new ProcessBuilder("sleep", "60").start();
            Files.writeString(child.resolve("cgroup.procs"), Long.toString(sleeper.pid()));

            assertTrue(new CgroupTree(mounts).list().containsAll(List.of("/", "/" + NAME)));
            reader = CgroupStatsReader.of(mounts, paths);
            CgroupStats root = reader.read("/");
            assertTrue(root.cpu().usageNanos().orElseThrow() > 0);
            CgroupStats stats = reader.read("/" + NAME);
            assertTrue(stats.cpu().usageNanos().isPresent(), "cpu.stat usage_usec is kept without the cpu controller");
            assertEquals(Optional.of(List.of(sleeper.pid())), stats.processes());
            List<String> controllers = List.of(Files.readString(mountPoint.resolve("cgroup.controllers")).strip().split(" "));
            if (!controllers.contains("pids")) {
                assertEquals(1, stats.pids().current().orElseThrow(), "without pids: the cgroup.procs count");
            }
            if (!controllers.contains("memory")) {
                assertFalse(stats.memory().usage().isPresent(), "no memory controller, no memory.current");
            }
            if (Files.exists(Path.of("/proc/pressure/cpu"))) {
                assertTrue(stats.cpuPressure().isPresent(), "cpu.pressure exists with PSI on");
            }
        } finally {
            if (reader != null) {
                reader.close(); // the files it keeps open would make the unmount fail (EBUSY)
            }
            if (sleeper != null) {
                sleeper.destroyForcibly();
                sleeper.waitFor(10, TimeUnit.SECONDS);
            }
            for (int i = 0; i < 50 && Files.exists(child); i++) {
                try {
                    Files.delete(child);
                } catch (IOException busy) {
                    Thread.sleep(100);
                }
            }
            new ProcessBuilder("umount", mountPoint.toString()).inheritIO().start().waitFor();
        }
    }

    private static void removeWhenEmpty(List<Path> dirs) throws InterruptedException {
        for (Path dir : dirs) {
            // rmdir fails with EBUSY until the last task has left
            for (int i = 0; i < 50 && Files.exists(dir); i++) {
                try {
                    Files.delete(dir);
                } catch (IOException busy) {
                    Thread.sleep(100);
                }
            }
        }
    }

    private static long memTotalBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException("no MemTotal");
    }
}
