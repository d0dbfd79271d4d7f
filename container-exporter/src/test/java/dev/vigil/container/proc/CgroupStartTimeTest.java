package dev.vigil.container.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupStartTimeTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant BOOT = Instant.parse("2025-06-01T00:00:00Z");

    @Test
    void v1TakesTheEarliestOfTheHierarchiesAndTheirCloneChildren(@TempDir Path dir) throws IOException {
        Path cpu = cgroup(dir, "cpu/system.slice/sshd.service", "2025-06-01T10:00:00Z");
        touch(ProcFixtures.write(cpu, "cgroup.clone_children", "0\n"), "2025-06-01T09:00:00Z");
        Path memory = cgroup(dir, "memory/system.slice/sshd.service", "2025-06-01T09:30:00Z");
        touch(ProcFixtures.write(memory, "cgroup.events", ""), "2025-06-01T01:00:00Z"); // not read on v1
        assertEquals(Optional.of(Instant.parse("2025-06-01T09:00:00Z")),
                CgroupStartTime.startTime(List.of(cpu, memory), false, NOW, BOOT));
    }

    @Test
    void v2ReadsCgroupEventsAndNothingBeforeBootCounts(@TempDir Path dir) throws IOException {
        Path unified = cgroup(dir, "system.slice/docker.service", "2025-06-01T11:00:00Z");
        touch(ProcFixtures.write(unified, "cgroup.events", "populated 1\nfrozen 0\n"), "2025-05-01T00:00:00Z");
        assertEquals(Optional.of(BOOT), CgroupStartTime.startTime(List.of(unified), true, NOW, BOOT));
    }

    @Test
    void aCgroupThatIsGoneHasNoStartTime(@TempDir Path dir) {
        assertEquals(Optional.empty(),
                CgroupStartTime.startTime(List.of(dir.resolve("gone")), false, NOW, BOOT));
        assertEquals(Optional.empty(), CgroupStartTime.earliest(List.of(NOW.plusSeconds(5)), NOW, BOOT));
    }

    @Test
    void bootTimeIsNowMinusWholeSecondsOfUptimeTruncatedToTheMinute() {
        Instant now = Instant.parse("2025-06-01T12:00:30.500Z");
        assertEquals(Instant.parse("2025-06-01T00:53:00Z"),
                BootTime.fromUptime(ProcFixtures.read("procfs/uptime"), now), "40048 s (11:07:28) before");
        assertThrows(IllegalArgumentException.class, () -> BootTime.fromUptime("x y", now));
        assertThrows(IllegalArgumentException.class, () -> BootTime.fromUptime("-1 0", now));
    }

    @Test
    void readsUptimeUnderProcfs(@TempDir Path dir) throws IOException {
        ProcFixtures.write(dir, "procfs/uptime", "3600.00 1.00\n");
        Path cg = cgroup(dir, "sysfs/fs/cgroup/a", "2025-06-01T00:00:00Z");
        assertEquals(Optional.of(Instant.parse("2025-06-01T11:00:00Z")),
                new CgroupStartTime(ProcFixtures.under(dir)).startTime(List.of(cg), true, NOW));
        assertThrows(IOException.class, () -> new CgroupStartTime(ProcFixtures.under(dir.resolve("none")))
                .startTime(List.of(cg), true, NOW));
    }

    @Test
    void liveTheRootCgroupStartedAfterBoot() throws IOException {
        Path root = Path.of("/sys/fs/cgroup/cpu");
        boolean unified = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
        if (unified) {
            root = Path.of("/sys/fs/cgroup");
        }
        Instant now = Instant.now();
        Optional<Instant> start = new CgroupStartTime(HostPaths.defaults()).startTime(List.of(root), unified, now);
        assertTrue(start.isPresent());
        assertFalse(start.get().isAfter(now));
        Instant boot = BootTime.fromUptime(Files.readString(Path.of("/proc/uptime")), now);
        assertFalse(start.get().isBefore(boot.minusSeconds(60)), start + " vs boot " + boot);
    }

    private static Path cgroup(Path dir, String relative, String mtime) throws IOException {
        Path cg = Files.createDirectories(dir.resolve(relative));
        touch(cg, mtime);
        return cg;
    }

    private static void touch(Path path, String time) throws IOException {
        Files.setLastModifiedTime(path, FileTime.from(Instant.parse(time)));
    }
}
