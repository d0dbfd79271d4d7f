package dev.vigil.container.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.container.runtime.ContainerLabels;
import dev.vigil.container.runtime.ContainerMetadata;
import dev.vigil.container.runtime.KubernetesRef;
import dev.vigil.container.runtime.MetadataResolver;
import dev.vigil.container.runtime.Runtime;
import dev.vigil.container.runtime.RuntimeSource;
import dev.vigil.exporter.Collector;
import dev.vigil.exporter.SnapshotSink;
import dev.vigil.exporter.exposition.Exposition;
import dev.vigil.exporter.host.HostPaths;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The container and machine collectors over each cgroup fixture tree (v1 cgroupfs, hybrid systemd,
 * v2), with the proc fixtures as the host's procfs/sysfs, two fake runtimes naming some of the
 * cgroups, and a fixed clock; their exposition text must equal {@code golden/<tree>-<scheme>.prom}.
 * {@code UPDATE_GOLDEN=1} rewrites the files (review the diff before committing).
 *
 * <p>The composed host: {@code proc/} is the proc fixtures' procfs overlaid with the tree's own
 * {@code proc/} files (mountinfo, meminfo), plus PID 1's {@code net/dev} (the root's network) taken
 * from the fixture process 4242; every file and directory gets the same mtime, so raw cgroups' start
 * times are the boot time (the clamp) whatever the checkout time.
 */
class ContainerGoldenTest {
    static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");
    static final Instant STARTED = Instant.parse("2025-03-01T12:00:00Z");
    static final Instant CREATED = Instant.parse("2025-03-01T11:59:58Z");
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    /** Every kind but {@code disk}: its capacity is the live statfs of the test's directory (see rootFilesystems). */
    static final Set<MetricKind> ALL_BUT_CAPACITY = EnumSet.complementOf(EnumSet.of(MetricKind.DISK));

    @TempDir
    Path host;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"v1,cadvisor", "v1,kubelet", "hybrid,cadvisor", "hybrid,kubelet", "v2,cadvisor", "v2,kubelet"})
    void matchesGolden(String tree, String scheme) throws Exception {
        HostPaths paths = compose(tree);
        MetadataResolver resolver = new MetadataResolver(List.of(DOCKER, CONTAINERD), Duration.ofDays(1), () -> 0L,
                pid -> true);
        resolver.refreshNow(); // so no background refresh is due during the scrape
        ContainerCollector containers = new ContainerCollector(paths, resolver,
                new ContainerCollector.Options(LabelScheme.named(scheme), ALL_BUT_CAPACITY, ContainerLabels.Policy.all()),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String actual = render(containers) + render(new MachineCollector(paths));
        Path golden = GOLDEN.resolve(tree + "-" + scheme + ".prom");
        if ("1".equals(System.getenv("UPDATE_GOLDEN"))) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
        }
        assertEquals(Files.exists(golden) ? Files.readString(golden) : "", actual,
                "output differs from " + golden + "; UPDATE_GOLDEN=1 rewrites it (then review the diff)");
    }

    /** The families each kind owns come and go with it; the always-on spec families stay. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"v1", "v2"})
    void kindsChooseTheFamilies(String tree) throws Exception {
        HostPaths paths = compose(tree);
        String defaults = renderWith(paths, MetricKind.enabled(MetricKind.DEFAULT_DISABLED, ""));
        assertTrue(defaults.contains("\ncontainer_cpu_usage_seconds_total{"), defaults);
        assertTrue(defaults.contains("\ncontainer_memory_working_set_bytes{"), defaults);
        assertTrue(defaults.contains("\ncontainer_fs_reads_bytes_total{"), defaults);
        assertFalse(defaults.contains("container_processes"), "process is off by default, as in cAdvisor");
        assertFalse(defaults.contains("container_file_descriptors"), defaults);

        String cpuOnly = renderWith(paths, MetricKind.enabled(MetricKind.DEFAULT_DISABLED, "cpu"));
        assertTrue(cpuOnly.contains("\ncontainer_cpu_usage_seconds_total{"), cpuOnly);
        assertTrue(cpuOnly.contains("\ncontainer_spec_memory_limit_bytes{"), "spec families have no kind");
        for (String other : List.of("container_memory_", "container_fs_", "container_network_", "container_tasks_state",
                "container_oom_events_total", "container_processes", "container_pressure_")) {
            assertFalse(cpuOnly.contains("\n" + other), other + " with --enable_metrics=cpu:\n" + cpuOnly);
        }
        if (tree.equals("v1")) { // per-CPU usage only where v1 accounts it, and only with percpu on
            assertFalse(cpuOnly.contains("cpu=\"cpu00\""), cpuOnly);
            String perCpu = renderWith(paths, MetricKind.enabled("", "cpu,percpu"));
            assertTrue(perCpu.contains("cpu=\"cpu00\""), perCpu);
        }
    }

    /**
     * The root's disk filesystems: the v1 tree's mount table (copied from a real host) has its root
     * filesystem on /dev/vda; capacity is statfs of the mount point under the rootfs (here the test's
     * directory, so compared with the JDK's view of it); diskstats come from the fixture.
     */
    @Test
    void rootFilesystems() throws Exception {
        HostPaths paths = compose("v1");
        String out = renderWith(paths, EnumSet.of(MetricKind.DISK, MetricKind.DISK_IO));
        java.nio.file.FileStore store = Files.getFileStore(host);
        assertEquals((double) store.getTotalSpace(), value(out, "container_fs_limit_bytes", "/dev/vda"), out);
        double used = value(out, "container_fs_usage_bytes", "/dev/vda");
        assertTrue(used > 0 && used <= store.getTotalSpace() - store.getUnallocatedSpace() + (64L << 20), out);
        assertTrue(value(out, "container_fs_inodes_total", "/dev/vda") >= value(out, "container_fs_inodes_free",
                "/dev/vda"), out);
        // /proc/diskstats of the fixture: vda reads 715836, ms doing I/O 170344 divided by 1e9 as cAdvisor does.
        assertEquals(715836.0, value(out, "container_fs_reads_total", "/dev/vda"), out);
        assertEquals(1.70344E-4, value(out, "container_fs_io_time_seconds_total", "/dev/vda"), 1e-12, out);
        assertFalse(out.contains("container_fs_limit_bytes{container_label_tier"), "root only:\n" + out);

        String ioOnly = renderWith(paths, EnumSet.of(MetricKind.DISK_IO));
        assertFalse(ioOnly.contains("container_fs_limit_bytes"), "capacity is the disk kind");
        assertTrue(ioOnly.contains("container_fs_io_current{"), ioOnly);
    }

    private static double value(String exposition, String family, String device) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + family + "\\{[^}]*device=\"" + device
                + "\"[^}]*id=\"/\"[^}]*} (\\S+)$").matcher(exposition);
        assertTrue(m.find(), family + " for " + device + " in:\n" + exposition);
        return Double.parseDouble(m.group(1));
    }

    /** --docker_only: the root and the runtimes' containers; raw cgroups only under a listed prefix. */
    @Test
    void runtimeOnlyKeepsTheRootTheRuntimesAndListedPrefixes() throws Exception {
        HostPaths paths = compose("v2");
        String all = renderWith(paths, new ContainerCollector.Options(LabelScheme.CADVISOR,
                MetricKind.enabled(MetricKind.DEFAULT_DISABLED, ""), ContainerLabels.Policy.all()));
        String only = renderWith(paths, new ContainerCollector.Options(LabelScheme.CADVISOR,
                MetricKind.enabled(MetricKind.DEFAULT_DISABLED, ""), ContainerLabels.Policy.all(), true,
                List.of("/system.slice/containerd")));
        Set<String> allIds = ids(all);
        Set<String> kept = ids(only);
        assertTrue(allIds.contains("/init.scope") && allIds.contains("/kubepods.slice"), allIds.toString());
        Set<String> expected = new java.util.TreeSet<>();
        for (String id : allIds) {
            if (id.equals("/") || id.startsWith("/system.slice/containerd") || id.matches(".*[0-9a-f]{64}.*")
                    && !id.endsWith(".slice") && !id.contains("/docker/9999")) {
                expected.add(id);
            }
        }
        assertEquals(expected, kept);
        assertTrue(kept.size() >= 4, kept.toString());
    }

    private static Set<String> ids(String exposition) {
        Set<String> ids = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[{,]id=\"([^\"]*)\"").matcher(exposition);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private String renderWith(HostPaths paths, ContainerCollector.Options options) throws IOException {
        MetadataResolver resolver = new MetadataResolver(List.of(DOCKER, CONTAINERD), Duration.ofDays(1), () -> 0L,
                pid -> true);
        resolver.refreshNow();
        return render(new ContainerCollector(paths, resolver, options, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private String renderWith(HostPaths paths, Set<MetricKind> kinds) throws IOException {
        MetadataResolver resolver = new MetadataResolver(List.of(DOCKER, CONTAINERD), Duration.ofDays(1), () -> 0L,
                pid -> true);
        resolver.refreshNow();
        return render(new ContainerCollector(paths, resolver,
                new ContainerCollector.Options(LabelScheme.named("cadvisor"), kinds, ContainerLabels.Policy.all()),
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    static String render(Collector collector) throws IOException {
        SnapshotSink sink = new SnapshotSink();
        collector.update(sink);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Exposition.render(new MetricSnapshots(sink.toSnapshots()), "text/plain; version=0.0.4", false, buffer);
        // The build's own version and revision change with every commit; the golden files hold placeholders.
        return buffer.toString(StandardCharsets.UTF_8).replaceAll(
                "cadvisorRevision=\"[^\"]*\",cadvisorVersion=\"[^\"]*\"",
                "cadvisorRevision=\"REVISION\",cadvisorVersion=\"VERSION\"");
    }

    // ---- the composed host ----

    private HostPaths compose(String tree) throws IOException {
        Path proc = host.resolve("proc");
        Path sys = host.resolve("sys");
        copy(fixture("proc/procfs"), proc);
        copy(fixture("proc/sysfs"), sys);
        copy(fixture("proc/rootfs"), host);
        copy(fixture("cgroup/" + tree), host); // the tree's own proc files win
        Files.createDirectories(proc.resolve("1/net"));
        Files.copy(proc.resolve("4242/net/dev"), proc.resolve("1/net/dev"));
        FileTime fixed = FileTime.from(Instant.parse("2025-01-01T00:00:00Z"));
        try (Stream<Path> all = Files.walk(host)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> setTime(p, fixed));
        }
        return new HostPaths(proc, sys, host, host.resolve("udev"));
    }

    private static void setTime(Path p, FileTime time) {
        try {
            Files.setLastModifiedTime(p, time);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path fixture(String name) {
        try {
            return Path.of(ContainerGoldenTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    // ---- the fake runtimes ----

    static final String POD_UID = "6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";

    /** Docker: the cgroupfs container of v1 and the systemd-driver ones of hybrid and v2; 9999… stays unknown. */
    static final RuntimeSource DOCKER = new FakeRuntime(Runtime.DOCKER, Map.of(
            "3f4e1a5b2c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f", docker(
                    "3f4e1a5b2c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f", "web-1", "nginx:1.27",
                    Map.of("com.docker.compose.project", "shop", "com.docker.compose.service", "web"), true),
            "c0ffee00112233445566778899aabbccddeeff00112233445566778899aabbcc", docker(
                    "c0ffee00112233445566778899aabbccddeeff00112233445566778899aabbcc", "cache", "redis:7",
                    Map.of("tier", "backend", "com.example/owner", "ops"), true),
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", docker(
                    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "db", "postgres:16",
                    Map.of("tier", "data"), false)));

    /** containerd (CRI): the Kubernetes app container of each tree, in the pod of {@link #POD_UID}. */
    static final RuntimeSource CONTAINERD = new FakeRuntime(Runtime.CONTAINERD, Map.of(
            "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90",
            kube("a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"),
            "d00dfeed0123456789abcdef0123456789abcdef0123456789abcdef01234567",
            kube("d00dfeed0123456789abcdef0123456789abcdef0123456789abcdef01234567"),
            "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
            kube("fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210")));

    /** A Docker container; {@code ownsNetwork} ones run as fixture process 4242 (its net/dev has eth0). */
    static ContainerMetadata docker(String id, String name, String image, Map<String, String> labels,
            boolean ownsNetwork) {
        return new ContainerMetadata(id, Runtime.DOCKER, name, image, labels, Optional.empty(),
                ownsNetwork ? OptionalLong.of(4242) : OptionalLong.empty(), Optional.of(CREATED),
                Optional.of(STARTED), ownsNetwork, Optional.of("healthy"));
    }

    static ContainerMetadata kube(String id) {
        return new ContainerMetadata(id, Runtime.CONTAINERD, id, "docker.io/library/nginx:1.27",
                Map.of("io.kubernetes.pod.name", "web-7d9c8b6f5-x2x9q", "io.kubernetes.pod.namespace", "shop",
                        "io.kubernetes.container.name", "web", "io.cri-containerd.kind", "container"),
                Optional.of(new KubernetesRef("web-7d9c8b6f5-x2x9q", "shop", "web", POD_UID)), OptionalLong.of(24533),
                Optional.of(CREATED), Optional.empty(), false, Optional.empty());
    }

    record FakeRuntime(Runtime runtime, Map<String, ContainerMetadata> containers) implements RuntimeSource {
        @Override
        public Set<String> liveIds() {
            return containers.keySet();
        }

        @Override
        public Optional<ContainerMetadata> lookup(String id) {
            return Optional.ofNullable(containers.get(id));
        }
    }
}
