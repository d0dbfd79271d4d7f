package dev.vigil.container.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DockerClientTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/runtime/docker");
    static final String WEB = "8dfafdbc3a40a4f1a2a2d3bd1fd2c5b6c8a6bf0cb3a1a6f7c2f1e6b0d9c8a7b6";
    static final String SIDECAR = "9cd87474be90cb4ae8a1d2b6b1f9d6f5e0c3a2b1d4e5f6a7b8c9d0e1f2a3b4c5";

    @TempDir
    Path dir;

    static String fixture(String name) throws Exception {
        return Files.readString(FIXTURES.resolve(name));
    }

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    void listsAndInspectsOverTheSocket(boolean chunked) throws Exception {
        try (FakeDockerApi api = new FakeDockerApi(dir.resolve("docker.sock"))) {
            api.chunked = chunked;
            api.chunkSize = 77; // many chunks, some splitting UTF-8 and CRLF across reads
            api.add(WEB, fixture("container-inspect.json"));
            api.add(SIDECAR, fixture("container-inspect-sidecar.json"));
            DockerClient docker = DockerClient.docker(api.socket(), Duration.ofSeconds(5));

            assertEquals(Set.of(WEB, SIDECAR), docker.runningIds());

            ContainerMetadata web = docker.inspect(WEB).orElseThrow();
            assertEquals(WEB, web.id());
            assertEquals(Runtime.DOCKER, web.runtime());
            assertEquals("web-1", web.name());
            assertEquals("nginx:1.27", web.image());
            assertEquals(Map.of("com.docker.compose.project", "shop", "com.docker.compose.service", "web",
                    "maintainer", "NGINX Docker Maintainers", "restartcount", "2"), web.labels());
            assertEquals(OptionalLong.of(24871), web.pid());
            assertEquals(Optional.of(Instant.parse("2025-01-15T12:00:00.485331387Z")), web.created());
            assertEquals(Optional.of(Instant.parse("2025-01-15T12:00:01.072697474Z")), web.started());
            assertTrue(web.ownsNetwork());
            assertEquals(Optional.of("healthy"), web.health());
            assertEquals(Optional.empty(), web.kubernetes());

            ContainerMetadata sidecar = docker.inspect(SIDECAR).orElseThrow();
            assertEquals("sidecar", sidecar.name());
            assertEquals(Map.of(), sidecar.labels()); // "Labels": null, no restarts
            assertFalse(sidecar.ownsNetwork()); // container:<web> network mode
            assertEquals(Optional.empty(), sidecar.health());
        }
    }

    @Test
    void theListFixtureParses() throws Exception {
        assertEquals(Set.of(WEB, SIDECAR), DockerAnswers.ids(Files.readAllBytes(FIXTURES.resolve("containers-list.json"))));
    }

    @Test
    void unknownIdIsEmptyNotAnError() throws Exception {
        try (FakeDockerApi api = new FakeDockerApi(dir.resolve("docker.sock"))) {
            DockerClient docker = DockerClient.docker(api.socket(), Duration.ofSeconds(5));
            assertEquals(Optional.empty(), docker.inspect(WEB));
            assertEquals(Optional.empty(), docker.inspect("../../version")); // never sent
            assertEquals(1, api.requests.get());
        }
    }

    @Test
    void engineInfoForVersionAndLayers() throws Exception {
        EngineInfo expected = new EngineInfo("20.10.24+dfsg1", "/var/lib/docker", "overlay2");
        try (FakeDockerApi api = new FakeDockerApi(dir.resolve("docker.sock"))) {
            DockerClient docker = DockerClient.docker(api.socket(), Duration.ofSeconds(5));
            assertEquals(Optional.of(expected), docker.engine());
            MetadataResolver resolver = new MetadataResolver(List.of(docker), Duration.ofDays(1), System::nanoTime,
                    pid -> true);
            assertEquals(Optional.of(expected), resolver.engine(Runtime.DOCKER));
            assertEquals(Optional.empty(), resolver.engine(Runtime.PODMAN), "no Podman source");
        }
        MetadataResolver gone = new MetadataResolver(List.of(DockerClient.docker(dir.resolve("none.sock"),
                Duration.ofSeconds(1))), Duration.ofDays(1), System::nanoTime, pid -> true);
        assertEquals(Optional.empty(), gone.engine(Runtime.DOCKER), "no engine: an empty label, not an error");
    }

    @Test
    void podmanUsesTheSameCalls() throws Exception {
        try (FakeDockerApi api = new FakeDockerApi(dir.resolve("podman.sock"))) {
            api.add(WEB, FakeDockerApi.inspectBody(WEB, "db", 4242));
            DockerClient podman = DockerClient.podman(api.socket(), Duration.ofSeconds(5));
            ContainerMetadata db = podman.inspect(WEB).orElseThrow();
            assertEquals(Runtime.PODMAN, db.runtime());
            assertEquals("db", db.name());
        }
    }

    @Test
    void absentSocketSaysSo() {
        DockerClient docker = DockerClient.docker(dir.resolve("docker.sock"), Duration.ofSeconds(1));
        RuntimeApiException e = assertThrows(RuntimeApiException.class, docker::runningIds);
        assertEquals(RuntimeApiException.Kind.ABSENT, e.kind());
        assertTrue(e.getMessage().contains("docker.sock"), e.getMessage());
    }

    @Test
    void staleSocketIsRefused() throws Exception {
        Path socket = dir.resolve("docker.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
        } // closed: the file stays, nothing listens
        RuntimeApiException e = assertThrows(RuntimeApiException.class,
                () -> DockerClient.docker(socket, Duration.ofSeconds(1)).runningIds());
        assertEquals(RuntimeApiException.Kind.REFUSED, e.kind());
    }

    @Test
    void hungDaemonTimesOut() throws Exception {
        try (FakeDockerApi api = new FakeDockerApi(dir.resolve("docker.sock"))) {
            api.hang = true;
            long start = System.nanoTime();
            RuntimeApiException e = assertThrows(RuntimeApiException.class,
                    () -> DockerClient.docker(api.socket(), Duration.ofMillis(300)).runningIds());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(RuntimeApiException.Kind.TIMEOUT, e.kind());
            assertTrue(ms >= 250 && ms < 3000, "took " + ms + " ms");
        }
    }

    @Test
    void badJsonIsReported() {
        RuntimeApiException e = assertThrows(RuntimeApiException.class,
                () -> DockerAnswers.inspect("{\"Id\": ".getBytes(), Runtime.DOCKER));
        assertEquals(RuntimeApiException.Kind.BAD_JSON, e.kind());
        assertEquals(RuntimeApiException.Kind.BAD_JSON, assertThrows(RuntimeApiException.class,
                () -> DockerAnswers.ids("{}".getBytes())).kind());
    }

    @Test
    void criDockerdContainerCarriesKubernetesNames() throws Exception {
        String body = """
            {"Id":"%s","Name":"/k8s_web_web-0_shop_0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b_0",
             "State":{"Pid":0,"StartedAt":"0001-01-01T00:00:00Z"},"Created":"2025-01-15T12:00:00Z",
             "HostConfig":{"NetworkMode":"container:%s"},
             "Config":{"Image":"nginx:1.27","Labels":{"io.kubernetes.container.name":"web",
               "io.kubernetes.pod.name":"web-0","io.kubernetes.pod.namespace":"shop",
               "io.kubernetes.pod.uid":"0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b","io.kubernetes.docker.type":"container"}}}
            """.formatted(WEB, SIDECAR);
        ContainerMetadata m = DockerAnswers.inspect(body.getBytes(), Runtime.DOCKER);
        assertEquals(Optional.of(new KubernetesRef("web-0", "shop", "web", "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b")),
                m.kubernetes());
        assertEquals(OptionalLong.empty(), m.pid()); // 0 = not running
        assertEquals(Optional.empty(), m.started());
    }
}
