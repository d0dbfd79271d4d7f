package dev.vigil.container.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataResolverTest {
    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong();
    private final Set<Long> deadPids = new HashSet<>();

    private MetadataResolver resolver(List<RuntimeSource> sources) {
        return new MetadataResolver(sources, Duration.ofSeconds(10), clock::get, pid -> !deadPids.contains(pid));
    }

    static String newId() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void systemdUnitsAndRawCgroupsNeedNoRuntime() {
        MetadataResolver resolver = resolver(List.of());
        assertEquals(Optional.of(ContainerMetadata.systemdUnit("sshd.service")),
                resolver.resolve("/system.slice/sshd.service"));
        assertEquals(Optional.empty(), resolver.resolve("/"));
        assertEquals(Optional.empty(), resolver.resolve("/kubepods/burstable/pod0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"));
        assertEquals(0, resolver.cacheSize());
    }

    @Test
    void thousandsOfShortLivedDockerContainersLeaveNothingBehind() throws Exception {
        try (FakeDockerApi api = new FakeDockerApi(dir.resolve("docker.sock"))) {
            MetadataResolver resolver = resolver(List.of(DockerClient.docker(api.socket(), Duration.ofSeconds(5))));
            resolver.refreshNow();
            List<String> longLived = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String id = newId();
                longLived.add(id);
                api.add(id, FakeDockerApi.inspectBody(id, "keep" + i, 1000 + i));
            }
            for (int round = 0; round < 4; round++) {
                List<String> churn = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    String id = newId();
                    churn.add(id);
                    api.add(id, FakeDockerApi.inspectBody(id, "job" + i, 5000 + i));
                }
                for (String id : churn) {
                    assertEquals("busybox:1.36", resolver.resolve("/docker/" + id).orElseThrow().image());
                }
                for (String id : longLived) {
                    assertTrue(resolver.resolve("/system.slice/docker-" + id + ".scope").isPresent());
                }
                churn.forEach(api::remove);
                resolver.refreshNow();
                assertEquals(longLived.size(), resolver.cacheSize(), "after round " + round);
            }
            int before = api.requests.get();
            for (String id : longLived) {
                resolver.resolve("/docker/" + id);
            }
            assertEquals(before, api.requests.get(), "served from the cache");
            assertEquals(0, resolver.errorTotal());
        }
    }

    @Test
    void thousandsOfContainerdTasksComeAndGo() throws Exception {
        Path tasks = dir.resolve("run/containerd/io.containerd.runtime.v2.task/k8s.io");
        MetadataResolver resolver = resolver(List.of(ContainerdState.under(dir)));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String id = newId();
            ids.add(id);
            Path bundle = Files.createDirectories(tasks.resolve(id));
            Files.writeString(bundle.resolve("config.json"), """
                {"annotations":{"io.kubernetes.cri.container-type":"container","io.kubernetes.cri.container-name":"c%d",
                 "io.kubernetes.cri.sandbox-name":"p%d","io.kubernetes.cri.sandbox-namespace":"ns"}}""".formatted(i, i));
            Files.writeString(bundle.resolve("init.pid"), Integer.toString(10_000 + i));
        }
        for (String id : ids) {
            String path = "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod0f1e2d3c_4b5a_6978_8a9b_"
                    + "0c1d2e3f4a5b.slice/cri-containerd-" + id + ".scope";
            assertEquals("ns", resolver.resolve(path).orElseThrow().kubernetes().orElseThrow().namespace());
        }
        assertEquals(2000, resolver.cacheSize());
        for (String id : ids.subList(7, ids.size())) {
            Files.delete(tasks.resolve(id).resolve("config.json"));
            Files.delete(tasks.resolve(id).resolve("init.pid"));
            Files.delete(tasks.resolve(id));
        }
        resolver.refreshNow();
        assertEquals(7, resolver.cacheSize());
    }

    @Test
    void unknownIdsAreAskedAgainAfterARefresh() throws Exception {
        try (FakeDockerApi api = new FakeDockerApi(dir.resolve("docker.sock"))) {
            MetadataResolver resolver = resolver(List.of(DockerClient.docker(api.socket(), Duration.ofSeconds(5))));
            resolver.refreshNow();
            String id = newId();
            assertEquals(Optional.empty(), resolver.resolve("/docker/" + id));
            assertEquals(Optional.empty(), resolver.resolve("/docker/" + id)); // negative answer cached
            api.add(id, FakeDockerApi.inspectBody(id, "late", 77));
            assertEquals(Optional.empty(), resolver.resolve("/docker/" + id));
            resolver.refreshNow();
            assertEquals("late", resolver.resolve("/docker/" + id).orElseThrow().name());
        }
    }

    @Test
    void aDeadPidIsInspectedAgain() throws Exception {
        try (FakeDockerApi api = new FakeDockerApi(dir.resolve("docker.sock"))) {
            MetadataResolver resolver = resolver(List.of(DockerClient.docker(api.socket(), Duration.ofSeconds(5))));
            resolver.refreshNow();
            String id = newId();
            api.add(id, FakeDockerApi.inspectBody(id, "web", 100));
            assertEquals(100, resolver.resolve("/docker/" + id).orElseThrow().pid().getAsLong());
            api.add(id, FakeDockerApi.inspectBody(id, "web", 200)); // docker restart: same id, new process
            deadPids.add(100L);
            resolver.refreshNow();
            assertEquals(200, resolver.resolve("/docker/" + id).orElseThrow().pid().getAsLong());
        }
    }

    @Test
    void aHungDaemonCostsOneTimeoutThenTheCacheIsServed() throws Exception {
        try (FakeDockerApi api = new FakeDockerApi(dir.resolve("docker.sock"))) {
            MetadataResolver resolver = resolver(List.of(DockerClient.docker(api.socket(), Duration.ofMillis(200))));
            resolver.refreshNow(); // no background refresh until the fake clock moves
            String known = newId();
            api.add(known, FakeDockerApi.inspectBody(known, "known", 1));
            assertTrue(resolver.resolve("/docker/" + known).isPresent());

            api.hang = true;
            resolver.refreshNow(); // the list times out: the source is down, the cache is kept
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                assertEquals(Optional.empty(), resolver.resolve("/docker/" + newId()));
            }
            assertTrue((System.nanoTime() - start) / 1_000_000 < 150, "no call while the daemon is down");
            assertEquals("known", resolver.resolve("/docker/" + known).orElseThrow().name());
            assertEquals(1, resolver.cacheSize() - 50);
            assertEquals(java.util.Map.of("docker/timeout", 1L), resolver.errorCounts());

            api.hang = false;
            resolver.refreshNow(); // answers again: unknown ids are forgotten and retried
            assertEquals(1, resolver.cacheSize());
        }
    }

    @Test
    void anAbsentRuntimeIsNotAnErrorAndOtherSourcesAreAsked() throws Exception {
        String id = RuntimeStateTest.CTR_APP;
        MetadataResolver resolver = resolver(List.of(
                DockerClient.docker(dir.resolve("docker.sock"), Duration.ofSeconds(1)),
                ContainerdState.under(RuntimeStateTest.ROOTFS),
                CrioState.under(RuntimeStateTest.ROOTFS)));
        // A bare id under /kubepods: containerd is asked first, Docker (not installed) is skipped.
        ContainerMetadata m = resolver.resolve("/kubepods/besteffort/pod0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b/" + id)
                .orElseThrow();
        assertEquals(Runtime.CONTAINERD, m.runtime());
        // A cri-dockerd style scope whose id only CRI-O knows still resolves (fallback order).
        assertEquals(Runtime.CRIO, resolver.resolve("/x.slice/docker-" + RuntimeStateTest.CRIO_APP + ".scope")
                .orElseThrow().runtime());
        resolver.refreshNow();
        assertEquals(0, resolver.errorTotal());
        assertEquals(2, resolver.cacheSize());
    }

    @Test
    void backgroundRefreshRunsAtMostOncePerInterval() throws Exception {
        try (FakeDockerApi api = new FakeDockerApi(dir.resolve("docker.sock"))) {
            MetadataResolver resolver = resolver(List.of(DockerClient.docker(api.socket(), Duration.ofSeconds(5))));
            String id = newId();
            api.add(id, FakeDockerApi.inspectBody(id, "a", 1));
            assertTrue(resolver.resolve("/docker/" + id).isPresent()); // first use starts a refresh
            awaitRefresh(resolver);
            assertEquals(1, api.listRequests.get());
            for (int i = 0; i < 100; i++) {
                assertTrue(resolver.resolve("/docker/" + id).isPresent());
            }
            awaitRefresh(resolver);
            assertEquals(1, api.listRequests.get(), "no refresh within the interval");
            clock.addAndGet(Duration.ofSeconds(11).toNanos());
            api.remove(id);
            resolver.resolve("/docker/" + id); // starts the refresh in the background
            awaitRefresh(resolver);
            assertEquals(2, api.listRequests.get());
            assertEquals(Optional.empty(), resolver.resolve("/docker/" + id));
        }
    }

    private static void awaitRefresh(MetadataResolver resolver) throws InterruptedException {
        for (int i = 0; i < 500 && resolver.refreshing(); i++) {
            Thread.sleep(10);
        }
    }
}
