package dev.vigil.jvm.host.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.container.docker.ContainerSpec;
import dev.vigil.container.docker.DockerSupport;
import dev.vigil.container.docker.RunningContainer;
import dev.vigil.jvm.host.it.HostExporter.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A HotSpot JVM in a Docker container, found by the packaged exporter from the host: the load
 * image's {@code java ... Load sleep} (PID 1 in its own PID namespace, its perf data in the
 * container's own {@code /tmp}) is served under the PID the host sees, labelled with the
 * container's id, its main class and user, with values that agree with what the host's procfs and
 * Docker say about it; removing the container removes its series. The same image started with
 * {@code -XX:-UsePerfData} is listed as unmonitorable.
 *
 * <p>Needs a Docker engine: skipped with the reason without one, a failure when
 * {@code VIGIL_DOCKER_REQUIRED} is set (see container-exporter/src/test/docker/README.md).
 */
class JvmInContainerIT {
    private static final Duration READY = Duration.ofSeconds(30);
    private static final Duration FOUND = Duration.ofSeconds(30);
    /** The load image's entrypoint runs {@code java -XX:+UseSerialGC -Xmx16m ... Load}. */
    private static final double IMAGE_XMX = 16 << 20;

    private static HostExporter exporter;
    private DockerSupport docker;

    @BeforeEach
    void engineAndExporter() throws Exception {
        docker = DockerSupport.get();
        if (exporter == null) {
            exporter = HostExporter.start();
        }
    }

    @AfterAll
    static void stopExporter() throws InterruptedException {
        if (exporter != null) {
            exporter.close();
            exporter = null;
        }
    }

    @Test
    void aJvmInAContainerIsServedUnderItsHostPidAndContainerIdUntilTheContainerIsRemoved() throws Exception {
        String pid;
        try (RunningContainer c = docker.run(ContainerSpec.load("sleep", "300"))) {
            c.awaitLog("ready sleep", READY);
            pid = Long.toString(c.pid());
            String status = c.procFile("status");
            assertEquals("1", nsPid(status), "the JVM is PID 1 in the container's namespace:\n" + status);

            List<Sample> s = exporter.awaitScrape(x -> !of(x, "jvm_threads_current", pid).isEmpty(), FOUND,
                    "listing the container's JVM (host pid " + pid + ")");
            int threadsBefore = threads(c.procFile("status"));
            s = exporter.scrape();
            int threadsAfter = threads(c.procFile("status"));
            long rssKiB = kib(c.procFile("status"), "VmRSS");

            Map<String, String> labels = of(s, "jvm_threads_current", pid).get(0).labels();
            assertEquals(Map.of("pid", pid, "container", c.id(), "main", "Load", "user", "root"), labels,
                    "pid as the host sees it, the full container id, the main class, the user of hsperfdata_root");
            assertEquals(64, c.id().length(), "docker run prints the full id: " + c.id());

            // Threads: perf data counts Java threads; procfs also the JVM's native ones (VM thread,
            // GC, the launcher's primordial thread, ...), a handful more and never fewer.
            double javaThreads = one(s, "jvm_threads_current", pid);
            int low = Math.min(threadsBefore, threadsAfter);
            int high = Math.max(threadsBefore, threadsAfter);
            System.out.printf("container JVM %s: jvm_threads_current %.0f, /proc Threads %d..%d%n", pid, javaThreads,
                    low, high);
            assertTrue(javaThreads >= 5 && javaThreads <= high, javaThreads + " Java threads of " + high + " in procfs");
            assertTrue(high - javaThreads <= 12, "native threads beyond Java's: " + (high - javaThreads));
            assertTrue(one(s, "jvm_threads_daemon", pid) < javaThreads, "main is not a daemon thread");

            // Start and uptime against Docker's StartedAt.
            Instant started = Instant.parse((String) c.state().get("StartedAt"));
            double startSeconds = one(s, "jvm_start_time_seconds", pid);
            double sinceDockerStart = startSeconds - started.toEpochMilli() / 1000.0;
            assertTrue(sinceDockerStart > -2 && sinceDockerStart < 10,
                    "JVM created " + sinceDockerStart + " s after Docker started the container");
            double uptime = one(s, "jvm_uptime_seconds", pid);
            double expectedUptime = System.currentTimeMillis() / 1000.0 - startSeconds;
            assertTrue(uptime >= 0 && Math.abs(uptime - expectedUptime) < 5, "uptime " + uptime + " vs " + expectedUptime);
            double processStart = one(s, "jvm_process_start_time_seconds", pid);
            assertTrue(Math.abs(processStart - startSeconds) < 5, "process start " + processStart + " vs JVM " + startSeconds);

            // Classes, heap, GC: the image's -Xmx16m and -XX:+UseSerialGC seen from outside.
            double loaded = one(s, "jvm_classes_loaded_total", pid);
            double current = one(s, "jvm_classes_currently_loaded", pid);
            assertTrue(loaded > 300 && current > 300 && current <= loaded, "classes loaded " + loaded + ", current " + current);
            double heapMax = one(s, "jvm_memory_max_bytes", pid, "area", "heap");
            assertTrue(heapMax > IMAGE_XMX / 2 && heapMax <= IMAGE_XMX, "heap max " + heapMax + " with -Xmx16m");
            double heapCommitted = one(s, "jvm_memory_committed_bytes", pid, "area", "heap");
            assertTrue(heapCommitted > IMAGE_XMX / 4 && heapCommitted <= heapMax, "heap committed " + heapCommitted);
            // Used may be 0: since JDK 25 (no perf data sampler) HotSpot updates the spaces' used
            // counters at collections only, and an idle JVM may not have collected yet (jstat shows 0 too).
            double heapUsed = one(s, "jvm_memory_used_bytes", pid, "area", "heap");
            assertTrue(heapUsed >= 0 && heapUsed <= heapCommitted, "heap used " + heapUsed);
            Set<String> gcs = of(s, "jvm_gc_collection_seconds_count", pid).stream()
                    .map(x -> x.labels().get("gc")).collect(Collectors.toSet());
            assertEquals(Set.of("Copy", "MarkSweepCompact"), gcs, "Serial's collectors");

            // The image's runtime is jlinked from the JDK running this test.
            Sample runtime = of(s, "jvm_runtime_info", pid).get(0);
            assertEquals(System.getProperty("java.vm.version"), runtime.labels().get("version"));
            assertEquals(System.getProperty("java.vm.vendor"), runtime.labels().get("vendor"));

            double rss = one(s, "jvm_process_resident_memory_bytes", pid);
            assertTrue(Math.abs(rss - rssKiB * 1024.0) <= rssKiB * 1024.0 * 0.2, "RSS " + rss + " vs VmRSS " + rssKiB + " KiB");
            assertTrue(one(s, "jvm_process_open_fds", pid) > 2, "stdin, stdout, stderr and jars at least");
            assertTrue(one(s, "jvm_host_jvms", null) >= 1);
        }

        List<Sample> after = exporter.awaitScrape(x -> x.stream().noneMatch(v -> pid.equals(v.labels().get("pid"))),
                FOUND, "without the removed container's JVM (pid " + pid + ")");
        assertTrue(of(after, "jvm_threads_current", pid).isEmpty());
    }

    @Test
    void aContainerJvmWithoutPerfDataIsListedAsUnmonitorable() throws Exception {
        try (RunningContainer c = docker.run(ContainerSpec.load("sleep", "300")
                .flag("--env", "JAVA_TOOL_OPTIONS=-XX:-UsePerfData"))) {
            c.awaitLog("ready sleep", READY);
            String pid = Long.toString(c.pid());
            List<Sample> s = exporter.awaitScrape(x -> !of(x, "jvm_host_unmonitorable", pid).isEmpty(), FOUND,
                    "listing pid " + pid + " as unmonitorable");
            Sample u = of(s, "jvm_host_unmonitorable", pid).get(0);
            assertEquals(Map.of("pid", pid, "container", c.id(), "user", "root", "reason", "no_perf_data"), u.labels());
            assertEquals(1, u.value());
            assertTrue(of(s, "jvm_threads_current", pid).isEmpty(), "no jvm_* series without perf data");
            assertTrue(Files.notExists(Path.of("/proc", pid, "root", "tmp", "hsperfdata_root", "1")),
                    "the JVM really has no perf data file");
        }
    }

    private static List<Sample> of(List<Sample> samples, String name, String pid, String... more) {
        return samples.stream().filter(s -> s.name().equals(name)
                && (pid == null || pid.equals(s.labels().get("pid")))
                && (more.length == 0 || more[1].equals(s.labels().get(more[0])))).toList();
    }

    private static double one(List<Sample> samples, String name, String pid, String... more) {
        List<Sample> found = of(samples, name, pid, more);
        assertEquals(1, found.size(), name + " of pid " + pid + ": " + found);
        return found.get(0).value();
    }

    private static String field(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key + ":")) {
                return line.substring(key.length() + 1).strip();
            }
        }
        throw new AssertionError("no " + key + " in\n" + status);
    }

    /** The PID in the innermost namespace: NSpid's last value. */
    private static String nsPid(String status) {
        String[] pids = field(status, "NSpid").split("\\s+");
        return pids[pids.length - 1];
    }

    private static int threads(String status) {
        return Integer.parseInt(field(status, "Threads"));
    }

    private static long kib(String status, String key) {
        return Long.parseLong(field(status, key).split("\\s+")[0]);
    }
}
