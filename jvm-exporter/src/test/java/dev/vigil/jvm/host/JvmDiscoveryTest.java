package dev.vigil.jvm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery over a fixture procfs and rootfs holding captured regions. */
class JvmDiscoveryTest {
    private static final String CONTAINER = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final Path CAPTURES = Path.of("src/test/resources/perfdata");

    @TempDir
    Path dir;
    private Path proc;
    private Path root;
    private final AtomicLong clock = new AtomicLong();
    private JvmDiscovery discovery;

    @BeforeEach
    void setUp() throws IOException {
        proc = Files.createDirectories(dir.resolve("proc"));
        root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/:/bin/sh\n");
        discovery = new JvmDiscovery(new HostPaths(proc, dir.resolve("sys"), root, dir.resolve("udev")), clock::get);
    }

    private void process(int pid, String name, int uid, String nsPids, long start, String cgroup) throws IOException {
        Path p = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(p.resolve("status"), "Name:\t" + name + "\nNSpid:\t" + nsPids + "\nUid:\t" + uid + "\t" + uid
                + "\t" + uid + "\t" + uid + "\nVmRSS:\t  1000 kB\n");
        Files.writeString(p.resolve("stat"), pid + " (" + name + ") S 1 1 1 0 -1 0 0 0 0 0 10 20 0 0 20 0 1 0 "
                + start + " 100 25 0\n");
        Files.writeString(p.resolve("cgroup"), "0::" + cgroup + "\n");
        Files.createDirectories(p.resolve("root"));
    }

    private static void region(Path tmp, String user, int pid, String capture) throws IOException {
        Path d = Files.createDirectories(tmp.resolve("hsperfdata_" + user));
        Files.copy(CAPTURES.resolve(capture + ".hsperfdata"), d.resolve(Integer.toString(pid)));
    }

    private static Map<Integer, String> byPid(JvmDiscovery.Scan scan) {
        Map<Integer, String> found = new TreeMap<>();
        for (JvmDiscovery.Found f : scan.jvms()) {
            HostJvm jvm = f.jvm();
            found.put(jvm.pid(), jvm.user() + "|" + jvm.container() + "|" + jvm.main());
        }
        return found;
    }

    @Test
    void findsHostAndContainerJvmsAndListsJavaWithoutRegion() throws IOException {
        process(100, "java", 1000, "100", 5000, "/user.slice/session-1.scope");
        region(root.resolve("tmp"), "alice", 100, "g1-jdk25");
        process(200, "java", 0, "200\t1", 6000, "/system.slice/docker-" + CONTAINER + ".scope");
        region(proc.resolve("200/root/tmp"), "root", 1, "z-jdk25"); // named by its PID inside the container
        process(300, "java", 1000, "300", 7000, "/user.slice/session-1.scope"); // -XX:-UsePerfData
        process(400, "bash", 0, "400", 8000, "/");
        region(root.resolve("tmp"), "alice", 999, "serial-jdk25"); // stale: no process 999

        JvmDiscovery.Scan scan = discovery.scan();

        assertEquals(Map.of(100, "alice||Idle", 200, "root|" + CONTAINER + "|Idle"), byPid(scan));
        assertEquals(List.of(new Unmonitorable(300, "alice", "", Unmonitorable.NO_PERF_DATA,
                scan.unmonitorable().getFirst().detail())), scan.unmonitorable());
        assertTrue(scan.unmonitorable().getFirst().detail().contains("-XX:-UsePerfData"));
        assertEquals(5000, scan.jvms().stream().filter(f -> f.jvm().pid() == 100).findFirst().orElseThrow().stat()
                .startTicks());
    }

    @Test
    void processesSharingTheHostTmpAreLookedUpThereAndPrivateTmpsInTheirRoot() throws IOException {
        // As on a host: /proc/<pid>/root is the host's root, unless the process has its own /tmp.
        process(600, "java", 0, "600", 5000, "/");
        hostRoot(600);
        region(root.resolve("tmp"), "root", 600, "serial-jdk25");
        process(700, "java", 1000, "700", 5001, "/system.slice/app.service"); // PrivateTmp=yes
        region(proc.resolve("700/root/tmp"), "alice", 700, "g1-jdk25");
        process(800, "curl", 0, "800", 5002, "/");
        hostRoot(800);
        process(900, "java", 1000, "900", 5003, "/"); // -XX:-UsePerfData
        hostRoot(900);

        JvmDiscovery.Scan scan = discovery.scan();

        assertEquals(Map.of(600, "root||Idle", 700, "alice||Idle"), byPid(scan));
        assertEquals(List.of(900), scan.unmonitorable().stream().map(Unmonitorable::pid).toList());
        assertEquals(Unmonitorable.NO_PERF_DATA, scan.unmonitorable().getFirst().reason());
    }

    private void hostRoot(int pid) throws IOException {
        Path link = proc.resolve(pid + "/root");
        Files.delete(link);
        Files.createSymbolicLink(link, root);
    }

    @Test
    void keepsTheMappingAndDropsExitedOrReusedPids() throws IOException {
        process(100, "java", 1000, "100", 5000, "/");
        region(root.resolve("tmp"), "alice", 100, "g1-jdk25");
        process(101, "java", 1000, "101", 5001, "/");
        region(root.resolve("tmp"), "alice", 101, "parallel-jdk25");
        HostJvm first = discovery.scan().jvms().stream().filter(f -> f.jvm().pid() == 100).findFirst().orElseThrow()
                .jvm();

        assertSame(first, discovery.scan().jvms().stream().filter(f -> f.jvm().pid() == 100).findFirst().orElseThrow()
                .jvm(), "the same mapping on the next scan");

        deleteTree(proc.resolve("101")); // exits; HotSpot removes its file too, but a stale one must not matter
        Files.writeString(proc.resolve("100/stat"), "100 (java) S 1 1 1 0 -1 0 0 0 0 0 10 20 0 0 20 0 1 0 9999 1 1\n");
        JvmDiscovery.Scan scan = discovery.scan();

        assertEquals(List.of(100), scan.jvms().stream().map(f -> f.jvm().pid()).toList());
        assertNotSame(first, scan.jvms().getFirst().jvm(), "a PID with a new start time is a new JVM");
        assertEquals(9999, scan.jvms().getFirst().stat().startTicks());
    }

    @Test
    void aProcessThatBecomesAJvmAfterTheFirstScanIsFound() throws IOException {
        discovery.scan();
        process(500, "sh", 0, "500\t12", 100, "/docker/" + CONTAINER); // forked, not yet exec'd java
        assertEquals(Map.of(), byPid(discovery.scan()));

        clock.addAndGet(1_000_000_000L);
        Files.writeString(proc.resolve("500/status"), "Name:\tjava\nNSpid:\t500\t12\nUid:\t0\t0\t0\t0\n");
        region(proc.resolve("500/root/tmp"), "root", 12, "serial-jdk25");

        assertEquals(Map.of(500, "root|" + CONTAINER + "|Idle"), byPid(discovery.scan()));
    }

    @Test
    void aDamagedRegionIsReportedNotThrown() throws IOException {
        process(100, "java", 0, "100", 5000, "/");
        Path d = Files.createDirectories(root.resolve("tmp/hsperfdata_root"));
        Files.write(d.resolve("100"), new byte[] {1, 2, 3});

        JvmDiscovery.Scan scan = discovery.scan();

        assertEquals(List.of(), scan.jvms());
        assertEquals(Unmonitorable.MALFORMED, scan.unmonitorable().getFirst().reason());
        assertTrue(scan.unmonitorable().getFirst().detail().contains("truncated"), scan.unmonitorable().toString());
    }

    private static void deleteTree(Path path) throws IOException {
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
