package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.host.HostPaths;
import dev.vigil.exporter.syscall.Statfs;
import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Fixtures;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.RecordingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemCollectorTest {
    private static final Parity PARITY = Parity.of("node_filesystem_")
            .volatileValues(name -> name.matches("node_filesystem_(free_bytes|avail_bytes|files_free)"));

    @Test
    void matchesNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("filesystem");
        var ours = Exporters.vigil(args);
        PARITY.assertSame(ours, Exporters.reference(args));
        var errors = ours.families.get("node_filesystem_device_error").samples;
        assertEquals(1.0, errors.get("node_filesystem_device_error{device=\"/dev/sdb1\",fstype=\"xfs\",mountpoint=\"/srv/backup copy\"}"));
        assertEquals(0.0, errors.get("node_filesystem_device_error{device=\"/dev/vda\",fstype=\"ext4\",mountpoint=\"/\"}"));
    }

    @Test
    void excludeFlagsMatchNodeExporter() throws Exception {
        List<String> args = Args.fixtureCollector("filesystem", "--collector.filesystem.mount-points-exclude=^/usr($|/)",
                "--collector.filesystem.fs-types-exclude=^(xfs|tmpfs)$");
        var ours = Exporters.vigil(args);
        PARITY.assertSame(ours, Exporters.reference(args));
        assertTrue(ours.families.get("node_filesystem_device_error").samples.keySet().stream()
                .anyMatch(key -> key.contains("mountpoint=\"/sys/fs/cgroup/cpu\"")), "cgroup is no longer excluded");

        List<String> deprecated = Args.fixtureCollector("filesystem", "--collector.filesystem.ignored-mount-points=^/usr($|/)");
        PARITY.assertSame(Exporters.vigil(deprecated), Exporters.reference(deprecated));
    }

    @Test
    void oldAndNewFlagTogetherAreRefused() {
        AssertionError error = assertThrows(AssertionError.class, () -> Exporters.vigil(Args.fixtureCollector("filesystem",
                "--collector.filesystem.ignored-fs-types=^xfs$", "--collector.filesystem.fs-types-exclude=^ext4$")));
        assertTrue(error.getMessage().contains("mutually exclusive"), error.getMessage());
    }

    @Test
    void mountPointsAreRelativeToRootfs(@TempDir Path dir) throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc/1"));
        Path rootfs = Files.createDirectories(dir.resolve("host"));
        Files.createDirectories(rootfs.resolve("home"));
        Files.writeString(proc.resolve("mounts"), "/dev/vda / ext4 rw 0 0\n/dev/vdc " + rootfs + "/home xfs ro 0 0\n"
                + "/dev/vda " + rootfs + " ext4 rw 0 0\n");
        RecordingSink sink = new RecordingSink();
        new FilesystemCollector(new HostPaths(dir.resolve("proc"), Fixtures.sys(), rootfs, Fixtures.udev()),
                FilesystemCollector.DEFAULT_MOUNT_POINTS_EXCLUDE, FilesystemCollector.DEFAULT_FS_TYPES_EXCLUDE,
                Duration.ofSeconds(5), path -> new Statfs(4096, 10, 5, 4, 100, 50)).update(sink);
        assertEquals(1.0, sink.value("node_filesystem_readonly", "/dev/vdc", "/home", "xfs"));
        assertEquals(40960.0, sink.value("node_filesystem_size_bytes", "/dev/vda", "/", "ext4"));
        assertEquals(16384.0, sink.value("node_filesystem_avail_bytes", "/dev/vda", "/", "ext4"));
        assertEquals(1, sink.count("node_filesystem_size_bytes") - 1, "'/' is listed twice (host and rootfs), reported once");
    }

    @Test
    void aStuckMountNeverStallsTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger stuckCalls = new AtomicInteger();
        FilesystemCollector collector = new FilesystemCollector(
                new HostPaths(Fixtures.proc(), Fixtures.sys(), Fixtures.rootfs(), Fixtures.udev()),
                FilesystemCollector.DEFAULT_MOUNT_POINTS_EXCLUDE, FilesystemCollector.DEFAULT_FS_TYPES_EXCLUDE,
                Duration.ofMillis(300), path -> {
                    if (path.endsWith("/usr")) {
                        stuckCalls.incrementAndGet();
                        try {
                            release.await(30, TimeUnit.SECONDS); // a dead NFS server
                        } catch (InterruptedException e) {
                            throw new java.io.IOException(e);
                        }
                    }
                    return new Statfs(4096, 10, 5, 4, 100, 50);
                });
        String[] usr = {"/dev/vdb1", "/usr", "ext4"};
        String[] root = {"/dev/vda", "/", "ext4"};

        long start = System.nanoTime();
        RecordingSink first = new RecordingSink();
        collector.update(first);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1.0, first.value("node_filesystem_device_error", usr));
        assertEquals(0.0, first.value("node_filesystem_device_error", root));
        assertEquals(40960.0, first.value("node_filesystem_size_bytes", root));
        assertTrue(firstMillis < 3000, "the scrape waited " + firstMillis + " ms, not the mount timeout");

        start = System.nanoTime();
        RecordingSink second = new RecordingSink();
        collector.update(second);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 250, "a known stuck mount is not waited for again");
        assertEquals(1.0, second.value("node_filesystem_device_error", usr));
        assertEquals(1, stuckCalls.get(), "no second statfs while the first is pending");

        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        RecordingSink recovered;
        do {
            Thread.sleep(20);
            recovered = new RecordingSink();
            collector.update(recovered);
        } while (recovered.value("node_filesystem_device_error", usr) != 0.0 && System.nanoTime() < deadline);
        assertEquals(0.0, recovered.value("node_filesystem_device_error", usr));
        assertEquals(1.0, recovered.value("node_filesystem_readonly", usr));
    }
}
