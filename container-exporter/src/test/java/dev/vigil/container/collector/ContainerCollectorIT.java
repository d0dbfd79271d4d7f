package dev.vigil.container.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.container.docker.ContainerSpec;
import dev.vigil.container.docker.DockerSupport;
import dev.vigil.container.docker.Json;
import dev.vigil.container.docker.RunningContainer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged exporter ({@code bin/vigil-container-exporter}, every metric kind on) against real Docker
 * containers on this host: what it serves agrees with the containers' cgroup files read around the
 * scrape and with Docker's own stats API, and names, images and labels are Docker's.
 */
class ContainerCollectorIT {
    /** Every kind the exporter implements (the default leaves process out, as cAdvisor does). */
    static final String ALL_KINDS = "cpu,percpu,memory,cpuLoad,diskIO,disk,network,process,oom_event,pressure";
    private static final Path LAUNCHER = Path.of("..", "bin", "vigil-container-exporter").toAbsolutePath().normalize();
    private static final long MIB = 1 << 20;
    private static final Duration READY = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Process exporter;
    private static int port;
    private static Path log;

    private DockerSupport docker;

    @BeforeEach
    void engineAndExporter() throws Exception {
        docker = DockerSupport.get();
        if (exporter == null) {
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            log = Files.createTempFile("container-exporter", ".log");
            exporter = new ProcessBuilder(LAUNCHER.toString(), "--web.listen-address=127.0.0.1:" + port,
                    "--enable_metrics=" + ALL_KINDS)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && exporter.isAlive()) {
                try {
                    if (get("/-/healthy").statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            throw new AssertionError("the exporter did not come up: " + Files.readString(log));
        }
    }

    @AfterAll
    static void stopExporter() throws InterruptedException {
        if (exporter != null) {
            exporter.destroy();
            if (!exporter.waitFor(10, TimeUnit.SECONDS)) {
                exporter.destroyForcibly();
            }
            exporter = null;
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One sample of the text exposition. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)(?: \\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static List<Sample> scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode(), response.body());
        List<Sample> samples = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), "unparsable line: " + line);
            Map<String, String> labels = new HashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return samples;
    }

    static List<Sample> of(List<Sample> samples, String name, String id) {
        return samples.stream().filter(s -> s.name().equals(name) && id.equals(s.labels().get("id"))).toList();
    }

    static double one(List<Sample> samples, String name, String id) {
        List<Sample> found = of(samples, name, id);
        assertEquals(1, found.size(), name + " of " + id + ": " + found);
        return found.get(0).value();
    }

    static double sum(List<Sample> samples, String name, String id) {
        return of(samples, name, id).stream().mapToDouble(Sample::value).sum();
    }

    static String id(RunningContainer c) {
        return "/docker/" + c.id();
    }

    private static boolean v1(RunningContainer c) {
        return c.cgroupPaths().containsKey("memory");
    }

    @Test
    void cpuUsageLiesBetweenTwoReadsOfCpuacctAndMatchesDockerStats() throws Exception {
        try (RunningContainer c = docker.run(ContainerSpec.load("cpu", "30").cpus("0.5").label("dev.vigil.it", "cpu")
                .label("com.example.team", "observability"))) {
            c.awaitLog("ready cpu", READY);
            assumeTrue(v1(c), "cgroup v1 host facts; the container got " + c.cgroupPaths());
            Thread.sleep(1500);
            long before = c.cgroupLong("cpuacct", "cpuacct.usage");
            List<Sample> s = scrape();
            long dockerCpu = Json.longAt(c.engineStats(), "cpu_stats", "cpu_usage", "total_usage");
            long after = c.cgroupLong("cpuacct", "cpuacct.usage");

            String id = id(c);
            double usage = sum(s, "container_cpu_usage_seconds_total", id);
            double slack = 1e-6; // per-CPU doubles summed
            System.out.printf("cpu: cpuacct.usage %.6f s <= exporter %.6f s <= %.6f s; Docker %.6f s%n", before / 1e9,
                    usage, after / 1e9, dockerCpu / 1e9);
            assertTrue(usage > 0.1, "after 1.5 s of burning at 0.5 CPU: " + usage + " s");
            assertTrue(before / 1e9 - slack <= usage && usage <= after / 1e9 + slack,
                    before / 1e9 + " <= " + usage + " <= " + after / 1e9);
            // Docker reads the same file a moment later: both lie in [before, after].
            assertTrue(before <= dockerCpu && dockerCpu <= after, before + " <= " + dockerCpu + " <= " + after);
            assertTrue(Math.abs(usage - dockerCpu / 1e9) <= (after - before) / 1e9 + slack,
                    "exporter " + usage + " s vs Docker " + dockerCpu / 1e9 + " s");
            assertTrue(of(s, "container_cpu_usage_seconds_total", id).stream()
                    .allMatch(x -> x.labels().get("cpu").matches("cpu\\d\\d")), "per-CPU labels");

            assertEquals(50000, one(s, "container_spec_cpu_quota", id));
            assertEquals(100000, one(s, "container_spec_cpu_period", id));
            assertEquals(1024, one(s, "container_spec_cpu_shares", id));
            assertTrue(one(s, "container_cpu_cfs_periods_total", id) > 0);
            assertTrue(one(s, "container_cpu_cfs_throttled_periods_total", id) > 0, "a busy thread at 0.5 CPU is throttled");
            assertTrue(one(s, "container_cpu_user_seconds_total", id) + one(s, "container_cpu_system_seconds_total", id)
                    > 0.05);

            Map<String, String> labels = of(s, "container_last_seen", id).get(0).labels();
            assertEquals(c.name(), labels.get("name"));
            assertEquals(docker.image(), labels.get("image"));
            assertEquals("cpu", labels.get("container_label_dev_vigil_it"));
            assertEquals("observability", labels.get("container_label_com_example_team"));
            // The label union: a raw cgroup carries the same names, empty.
            Map<String, String> root = of(s, "container_last_seen", "/").get(0).labels();
            assertEquals("", root.get("container_label_dev_vigil_it"));
            assertEquals("", root.get("name"));
            double lastSeen = one(s, "container_last_seen", id);
            assertTrue(Math.abs(lastSeen - System.currentTimeMillis() / 1000.0) < 60, "last seen " + lastSeen);
            double started = one(s, "container_start_time_seconds", id);
            assertTrue(started <= lastSeen && started > lastSeen - 120, "started " + started);
        }
    }

    @Test
    void memoryUsageAndWorkingSetMatchTheCgroupAndDockerStats() throws Exception {
        try (RunningContainer c = docker.run(ContainerSpec.load("mem", "32", "30").memoryMiB(64))) {
            c.awaitLog("ready mem", READY);
            assumeTrue(v1(c), "cgroup v1 host facts");
            long usage0 = c.cgroupLong("memory", "memory.usage_in_bytes");
            List<Sample> s = scrape();
            long usage1 = c.cgroupLong("memory", "memory.usage_in_bytes");
            long inactiveFile = c.cgroupKey("memory", "memory.stat", "total_inactive_file");
            Object stats = c.engineStats();

            String id = id(c);
            double usage = one(s, "container_memory_usage_bytes", id);
            assertTrue(usage >= 32 * MIB && usage <= 64 * MIB, "32 MiB held under a 64 MiB limit: " + usage);
            assertTrue(Math.abs(usage - (usage0 + usage1) / 2.0) <= Math.abs(usage1 - usage0) / 2.0 + MIB,
                    usage0 + " / " + usage + " / " + usage1);
            double workingSet = one(s, "container_memory_working_set_bytes", id);
            assertTrue(Math.abs(workingSet - (usage - inactiveFile)) <= MIB,
                    "working set " + workingSet + " = usage " + usage + " - total_inactive_file " + inactiveFile);
            assertTrue(one(s, "container_memory_rss", id) >= 32 * MIB);

            // Docker's stats: memory_stats.usage is memory.usage_in_bytes; what `docker stats` shows
            // (Docker >= 20.10 on v1) is usage - stats.total_inactive_file: cAdvisor's working set.
            long dockerUsage = Json.longAt(stats, "memory_stats", "usage");
            long dockerInactive = Json.longAt(stats, "memory_stats", "stats", "total_inactive_file");
            System.out.printf("memory: usage_in_bytes %d / exporter %.0f / %d, Docker %d; working set %.0f,"
                    + " Docker usage-inactive %d%n", usage0, usage, usage1, dockerUsage, workingSet,
                    dockerUsage - dockerInactive);
            assertTrue(Math.abs(usage - dockerUsage) <= MIB, "exporter " + usage + " vs Docker " + dockerUsage);
            assertTrue(Math.abs(workingSet - (dockerUsage - dockerInactive)) <= MIB,
                    "exporter working set " + workingSet + " vs Docker's shown usage " + (dockerUsage - dockerInactive));

            assertEquals(67108864, one(s, "container_spec_memory_limit_bytes", id));
            assertEquals(64 * MIB, Json.longAt(stats, "memory_stats", "limit"));
            assertTrue(one(s, "container_memory_max_usage_bytes", id) >= usage);
            assertEquals(0, one(s, "container_oom_events_total", id));
        }
    }

    @Test
    void syncedWritesShowInFsWritesBytes() throws Exception {
        Optional<Path> device = docker.dataDevice();
        assumeTrue(device.isPresent(), "Docker's data directory is on no block device");
        try (RunningContainer c = docker.run(ContainerSpec.load("disk", "8", "30").deviceWriteBps(device.get(), "1tb"))) {
            c.awaitLog("ready disk", READY);
            assumeTrue(v1(c), "cgroup v1 host facts");
            List<Sample> s = scrape();
            String id = id(c);
            List<Sample> writes = of(s, "container_fs_writes_bytes_total", id);
            double onDevice = writes.stream().filter(x -> x.labels().get("device").equals(device.get().toString()))
                    .mapToDouble(Sample::value).sum();
            System.out.printf("disk: %s writes %.0f bytes%n", device.get(), onDevice);
            assertTrue(onDevice >= 8 * MIB, "8 MiB written and fsync'd to " + device.get() + ": " + writes);
            assertTrue(sum(s, "container_fs_writes_total", id) >= 1);
            assertTrue(of(s, "container_blkio_device_usage_total", id).stream()
                    .anyMatch(x -> x.labels().get("operation").equals("Write") && x.value() >= 8 * MIB));
            // A second scrape never goes backwards.
            assertTrue(sum(scrape(), "container_fs_writes_bytes_total", id) >= sum(s, "container_fs_writes_bytes_total", id));
        }
    }

    /**
     * The writable layer: what the container wrote shows in container_fs_usage_bytes (measured in the
     * background within seconds of the container's first scrape), against the layer directory walked
     * here; the limit is the capacity of the filesystem holding Docker's root directory.
     */
    @Test
    void theWritableLayerHoldsWhatTheContainerWrote() throws Exception {
        try (RunningContainer c = docker.run(ContainerSpec.load("disk", "16", "60"))) {
            c.awaitLog("ready disk", READY);
            String id = id(c);
            List<Sample> usage = List.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (usage.isEmpty() && System.nanoTime() < deadline) {
                usage = of(scrape(), "container_fs_usage_bytes", id);
                if (usage.isEmpty()) {
                    Thread.sleep(500);
                }
            }
            assertEquals(1, usage.size(), "the layer measured within 20 s: " + usage);
            String info = docker.engineGet("/info");
            String rootDir = (String) Json.at(Json.parse(info), "DockerRootDir").orElseThrow();
            String driver = (String) Json.at(Json.parse(info), "Driver").orElseThrow();
            String mountId = Files.readString(Path.of(rootDir, "image", driver, "layerdb", "mounts", c.id(), "mount-id"))
                    .strip();
            Path layer = driver.startsWith("overlay") ? Path.of(rootDir, driver, mountId, "diff")
                    : Path.of(rootDir, "vfs", "dir", mountId);
            long bytes;
            try (java.util.stream.Stream<Path> files = Files.walk(layer)) {
                bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
            double exported = usage.get(0).value();
            System.out.printf("layer %s (%s): %d bytes walked, %.0f exported%n", layer, driver, bytes, exported);
            assertTrue(exported >= 16 * MIB, "16 MiB written into the layer: " + exported);
            assertTrue(Math.abs(exported - bytes) <= MIB, "walked " + bytes + ", exported " + exported);
            java.nio.file.FileStore store = Files.getFileStore(Path.of(rootDir));
            List<Sample> limit = of(scrape(), "container_fs_limit_bytes", id);
            assertEquals(1, limit.size(), limit.toString());
            assertEquals((double) store.getTotalSpace(), limit.get(0).value());
            assertEquals(usage.get(0).labels().get("device"), limit.get(0).labels().get("device"));
        }
    }

    @Test
    void aContainerWithOnlyLoopbackHasNoNetworkFamiliesTheRootHas() throws Exception {
        try (RunningContainer c = docker.run(ContainerSpec.load("net", "8", "30"))) {
            c.awaitLog("ready net", READY);
            List<Sample> s = scrape();
            String id = id(c);
            assertTrue(one(s, "container_last_seen", id) > 0, "the container is scraped");
            List<Sample> net = s.stream().filter(x -> x.name().startsWith("container_network_")
                    && id.equals(x.labels().get("id"))).toList();
            assertEquals(List.of(), net, "only lo in its namespace, which cAdvisor skips");
            List<Sample> rootNet = of(s, "container_network_receive_bytes_total", "/");
            assertFalse(rootNet.isEmpty(), "the root's (PID 1's) interfaces");
            assertTrue(rootNet.stream().noneMatch(x -> x.labels().get("interface").startsWith("lo")
                    || x.labels().get("interface").startsWith("veth") || x.labels().get("interface").startsWith("docker")));
        }
    }

    /** The facts from outside the cgroup: engine version, health, ulimit, the root's filesystem. */
    @Test
    void versionHealthUlimitAndRootFilesystemOfTheRealHost() throws Exception {
        try (RunningContainer c = docker.run(ContainerSpec.load("sleep", "30"))) {
            c.awaitLog("ready sleep", READY);
            List<Sample> s = scrape();
            String id = id(c);
            List<Sample> version = s.stream().filter(x -> x.name().equals("cadvisor_version_info")).toList();
            assertEquals(1, version.size(), version.toString());
            String engine = docker.cli(Duration.ofSeconds(30), "version", "--format", "{{.Server.Version}}").stdout().strip();
            assertEquals(engine, version.get(0).labels().get("dockerVersion"));
            assertEquals(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip(),
                    version.get(0).labels().get("kernelVersion"));
            assertEquals(-1, one(s, "container_health_state", id), "the image defines no health check");
            Matcher soft = Pattern.compile("(?m)^Max open files\\s+(\\S+)").matcher(c.procFile("limits"));
            assertTrue(soft.find());
            assertEquals(Double.parseDouble(soft.group(1)), of(s, "container_ulimits_soft", id).stream()
                    .filter(x -> "max_open_files".equals(x.labels().get("ulimit"))).findFirst().orElseThrow().value());
            java.nio.file.FileStore root = Files.getFileStore(Path.of("/"));
            List<Sample> limit = of(s, "container_fs_limit_bytes", "/").stream()
                    .filter(x -> root.name().equals(x.labels().get("device"))).toList();
            if (root.name().startsWith("/dev/") && root.type().matches("ext\\d|xfs|btrfs")) {
                assertEquals(1, limit.size(), "the root filesystem " + root.name() + " in "
                        + of(s, "container_fs_limit_bytes", "/"));
                assertEquals((double) root.getTotalSpace(), limit.get(0).value());
            } else {
                assertEquals(List.of(), limit, "/ is " + root.type() + ", not a disk filesystem");
            }
        }
    }

    @Test
    void aRemovedContainerIsGoneFromTheNextScrape() throws Exception {
        RunningContainer c = docker.run(ContainerSpec.load("sleep", "60"));
        String id = id(c);
        try (c) {
            c.awaitLog("ready sleep", READY);
            assertEquals(1, of(scrape(), "container_last_seen", id).size());
        }
        assertEquals(List.of(), c.awaitCgroupsRemoved(Duration.ofSeconds(10)));
        List<Sample> s = scrape();
        assertEquals(List.of(), s.stream().filter(x -> id.equals(x.labels().get("id"))).toList());
        assertTrue(s.stream().noneMatch(x -> c.name().equals(x.labels().get("name"))));
    }

    @Test
    void anOomKilledChildCountsAsAnOomEvent() throws Exception {
        try (RunningContainer c = docker.run(ContainerSpec.load("oom-child", "30").memoryMiB(128))) {
            c.awaitLog("ready oom-child exit 137", READY);
            assumeTrue(v1(c), "cgroup v1 host facts");
            List<Sample> s = scrape();
            String id = id(c);
            assertTrue(one(s, "container_oom_events_total", id) >= 1, "oom_kill " + c.cgroupFile("memory", "memory.oom_control"));
            assertTrue(one(s, "container_memory_failcnt", id) > 0);
            assertTrue(one(s, "container_memory_max_usage_bytes", id) > 120 * MIB);
        }
    }

    @Test
    void threadsAndProcessesAreCounted() throws Exception {
        try (RunningContainer c = docker.run(ContainerSpec.load("threads", "40", "30").pidsLimit(200))) {
            c.awaitLog("ready threads", READY);
            assumeTrue(v1(c), "cgroup v1 host facts");
            long before = c.cgroupLong("pids", "pids.current");
            List<Sample> s = scrape();
            long after = c.cgroupLong("pids", "pids.current");
            String id = id(c);
            double threads = one(s, "container_threads", id);
            System.out.printf("threads: pids.current %d / exporter %.0f / %d%n", before, threads, after);
            assertTrue(threads >= 40, "40 sleeping threads plus the JVM's: " + threads);
            assertTrue(Math.min(before, after) <= threads && threads <= Math.max(before, after),
                    before + " <= " + threads + " <= " + after);
            assertEquals(200, one(s, "container_threads_max", id));
            long procs = c.cgroupFile("cpu", "cgroup.procs").lines().count();
            assertEquals(procs, one(s, "container_processes", id));
            assertEquals(1, procs, "one JVM");
            assertTrue(one(s, "container_file_descriptors", id) >= 3, "at least stdin, stdout, stderr");
        }
    }
}
