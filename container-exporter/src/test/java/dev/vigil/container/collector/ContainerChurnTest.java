package dev.vigil.container.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.container.runtime.ContainerLabels;
import dev.vigil.container.runtime.ContainerMetadata;
import dev.vigil.container.runtime.MetadataResolver;
import dev.vigil.container.runtime.Runtime;
import dev.vigil.container.runtime.RuntimeSource;
import dev.vigil.exporter.SnapshotSink;
import dev.vigil.exporter.host.HostPaths;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of short-lived containers through the collector on a cgroup v2 tree made in a temporary
 * directory: every scrape lists exactly the live ones, and what the collector keeps between scrapes
 * (open cgroup files, cached limits, runtime metadata) returns to the live count, so the process'
 * open files do not grow with the containers that came and went.
 */
class ContainerChurnTest {
    private static final int CONTAINERS = 3000;
    private static final int LIVE = 8;

    @TempDir
    Path host;

    private final Map<String, ContainerMetadata> running = new ConcurrentHashMap<>();

    @Test
    void shortLivedContainersLeaveNothingBehind() throws Exception {
        Path cgroupRoot = host.resolve("sys/fs/cgroup");
        Files.createDirectories(cgroupRoot.resolve("docker"));
        Files.writeString(cgroupRoot.resolve("cgroup.controllers"), "cpu io memory pids\n");
        Files.writeString(cgroupRoot.resolve("cpu.stat"), "usage_usec 100\nuser_usec 60\nsystem_usec 40\n");
        Files.createDirectories(host.resolve("proc"));
        Files.copy(Path.of("src/test/resources/fixtures/proc/procfs/meminfo"), host.resolve("proc/meminfo"));
        HostPaths paths = new HostPaths(host.resolve("proc"), host.resolve("sys"), host, host.resolve("udev"));
        RuntimeSource docker = new RuntimeSource() {
            @Override
            public Runtime runtime() {
                return Runtime.DOCKER;
            }

            @Override
            public Set<String> liveIds() {
                return Set.copyOf(running.keySet());
            }

            @Override
            public Optional<ContainerMetadata> lookup(String id) {
                return Optional.ofNullable(running.get(id));
            }
        };
        MetadataResolver resolver = new MetadataResolver(List.of(docker), Duration.ZERO, System::nanoTime,
                pid -> true);
        ContainerCollector collector = new ContainerCollector(paths, resolver, new ContainerCollector.Options(
                LabelScheme.CADVISOR, MetricKind.enabled(MetricKind.DEFAULT_DISABLED, ""), ContainerLabels.Policy.all()));

        Deque<String> live = new ArrayDeque<>();
        long fdsAfterWarmUp = -1;
        for (int i = 0; i < CONTAINERS; i++) {
            live.addLast(start(cgroupRoot, i));
            if (live.size() > LIVE) {
                stop(cgroupRoot, live.removeFirst());
            }
            resolver.refreshNow();
            Set<String> ids = scrapedIds(collector);
            Set<String> expected = new HashSet<>(Set.of("/", "/docker"));
            live.forEach(id -> expected.add("/docker/" + id));
            assertEquals(expected, ids, "scrape " + i);
            if (i == 100) {
                fdsAfterWarmUp = openFiles();
            }
        }
        long fds = openFiles();
        assertTrue(fds <= fdsAfterWarmUp + 16, "open files grew from " + fdsAfterWarmUp + " to " + fds + " over "
                + CONTAINERS + " containers");
        assertTrue(resolver.cacheSize() <= LIVE + 1, "metadata cached for " + resolver.cacheSize());
    }

    private String start(Path cgroupRoot, int n) throws IOException {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) (n >> 24);
        bytes[1] = (byte) (n >> 16);
        bytes[2] = (byte) (n >> 8);
        bytes[3] = (byte) n;
        String id = HexFormat.of().formatHex(bytes);
        Path dir = Files.createDirectory(cgroupRoot.resolve("docker").resolve(id));
        Files.writeString(dir.resolve("cpu.stat"), "usage_usec " + (1000 + n) + "\nuser_usec 1\nsystem_usec 1\n");
        Files.writeString(dir.resolve("memory.current"), "4096\n");
        Files.writeString(dir.resolve("memory.stat"), "anon 2048\nfile 2048\ninactive_file 1024\n");
        Files.writeString(dir.resolve("memory.events"), "oom 0\noom_kill 0\n");
        Files.writeString(dir.resolve("memory.max"), "max\n");
        Files.writeString(dir.resolve("cpu.max"), "max 100000\n");
        Files.writeString(dir.resolve("io.stat"), "8:0 rbytes=1 wbytes=2 rios=3 wios=4\n");
        running.put(id, new ContainerMetadata(id, Runtime.DOCKER, "c" + n, "img:" + n, Map.of("n", Integer.toString(n)),
                Optional.empty(), OptionalLong.empty(), Optional.of(Instant.EPOCH), Optional.of(Instant.EPOCH), false,
                Optional.empty()));
        return id;
    }

    private void stop(Path cgroupRoot, String id) throws IOException {
        running.remove(id);
        Path dir = cgroupRoot.resolve("docker").resolve(id);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    private static Set<String> scrapedIds(ContainerCollector collector) throws IOException {
        SnapshotSink sink = new SnapshotSink();
        collector.update(sink);
        Set<String> ids = new HashSet<>();
        for (MetricSnapshot family : sink.toSnapshots()) {
            if (family.getMetadata().getName().equals("container_last_seen")) {
                for (DataPointSnapshot point : family.getDataPoints()) {
                    ids.add(point.getLabels().get("id"));
                }
            }
        }
        return ids;
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
