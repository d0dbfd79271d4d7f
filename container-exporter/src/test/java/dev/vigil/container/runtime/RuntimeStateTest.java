package dev.vigil.container.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** containerd's and CRI-O's state files, read from the fixture rootfs. */
class RuntimeStateTest {
    static final Path ROOTFS = Path.of("src/test/resources/fixtures/runtime/rootfs");
    static final String CTR_APP = "3f2a9c1b7d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8";
    static final String CTR_SANDBOX = "6a825448c5ef07ac0c3b99532b18bdec0e1d0bb1eb41b4672d570634a1409a85";
    static final String CRIO_APP = "c7b3a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2";
    static final String CRIO_SANDBOX = "1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a";

    @Test
    void containerdAppContainer() throws Exception {
        ContainerdState state = ContainerdState.under(ROOTFS);
        assertEquals(Set.of(CTR_APP, CTR_SANDBOX), state.runningIds());
        ContainerMetadata app = state.lookup(CTR_APP).orElseThrow();
        assertEquals(Runtime.CONTAINERD, app.runtime());
        assertEquals(CTR_APP, app.name()); // cAdvisor's first alias for containerd is the id
        assertEquals("docker.io/library/nginx:1.27", app.image());
        assertEquals(Optional.of(new KubernetesRef("web-7d9c8b6f5-x2x9q", "shop", "web",
                "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b")), app.kubernetes());
        assertEquals("container", app.labels().get("io.cri-containerd.kind"));
        assertEquals(OptionalLong.of(24533), app.pid());
        assertTrue(app.created().isPresent() && app.started().isPresent());
        assertFalse(app.ownsNetwork());
    }

    @Test
    void containerdSandboxOwnsTheNetworkAndHasNoContainerName() throws Exception {
        ContainerMetadata sandbox = ContainerdState.under(ROOTFS).lookup(CTR_SANDBOX).orElseThrow();
        assertEquals("registry.k8s.io/pause:3.10", sandbox.image());
        assertEquals("", sandbox.kubernetes().orElseThrow().container());
        assertEquals("web-7d9c8b6f5-x2x9q", sandbox.kubernetes().orElseThrow().pod());
        assertEquals(OptionalLong.of(24410), sandbox.pid()); // "24410\n"
        assertTrue(sandbox.ownsNetwork());
    }

    @Test
    void containerdUnknownOrAbsent(@TempDir Path empty) throws Exception {
        assertEquals(Optional.empty(), ContainerdState.under(ROOTFS).lookup("0".repeat(64)));
        assertEquals(Optional.empty(), ContainerdState.under(ROOTFS).lookup("../k8s.io"));
        assertEquals(Set.of(), ContainerdState.under(empty).runningIds());
        assertEquals(Optional.empty(), ContainerdState.under(empty).lookup(CTR_APP));
    }

    @Test
    void containerdTaskWithoutCriAnnotations(@TempDir Path rootfs) throws Exception {
        Path bundle = rootfs.resolve("run/containerd/io.containerd.runtime.v2.task/default").resolve(CTR_APP);
        Files.createDirectories(bundle);
        Files.writeString(bundle.resolve("config.json"), "{\"ociVersion\":\"1.1.0\",\"process\":{\"args\":[\"sh\"]}}");
        ContainerMetadata m = ContainerdState.under(rootfs).lookup(CTR_APP).orElseThrow();
        assertEquals(Optional.empty(), m.kubernetes());
        assertEquals(Map.of(), m.labels());
        assertEquals(OptionalLong.empty(), m.pid()); // not started yet: no init.pid
    }

    @Test
    void crioAppContainer() throws Exception {
        CrioState state = CrioState.under(ROOTFS);
        assertEquals(Set.of(CRIO_APP, CRIO_SANDBOX), state.containerIds());
        ContainerMetadata app = state.lookup(CRIO_APP).orElseThrow();
        assertEquals(Runtime.CRIO, app.runtime());
        assertEquals("k8s_coredns_coredns-76f75df574-7xk2p_kube-system_a1b2c3d4-e5f6-4789-8abc-def012345678_1",
                app.name());
        assertEquals("registry.k8s.io/coredns/coredns:v1.11.3", app.image());
        assertEquals(Optional.of(new KubernetesRef("coredns-76f75df574-7xk2p", "kube-system", "coredns",
                "a1b2c3d4-e5f6-4789-8abc-def012345678")), app.kubernetes());
        assertEquals("1", app.labels().get("restartcount"));
        assertEquals(5, app.labels().size()); // the kubelet's four + restartcount
        assertEquals(OptionalLong.of(31877), app.pid());
        assertEquals(Optional.of(Instant.parse("2025-01-15T12:05:10.123456789Z")), app.created());
        assertTrue(app.started().isPresent());
        assertFalse(app.ownsNetwork());
    }

    @Test
    void crioSandbox() throws Exception {
        ContainerMetadata sandbox = CrioState.under(ROOTFS).lookup(CRIO_SANDBOX).orElseThrow();
        assertEquals("k8s_POD_coredns-76f75df574-7xk2p_kube-system_a1b2c3d4-e5f6-4789-8abc-def012345678_0",
                sandbox.name());
        assertEquals("", sandbox.kubernetes().orElseThrow().container()); // "POD" is the sandbox
        assertEquals("kube-dns", sandbox.labels().get("k8s-app"));
        assertTrue(sandbox.ownsNetwork());
        assertEquals(OptionalLong.of(31790), sandbox.pid());
    }

    @Test
    void crioBadConfigIsAnError(@TempDir Path rootfs) throws Exception {
        Path userdata = rootfs.resolve("var/lib/containers/storage/overlay-containers").resolve(CRIO_APP)
                .resolve("userdata");
        Files.createDirectories(userdata);
        Files.writeString(userdata.resolve("config.json"), "{\"annotations\": {");
        RuntimeApiException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeApiException.class,
                () -> CrioState.under(rootfs).lookup(CRIO_APP));
        assertEquals(RuntimeApiException.Kind.BAD_JSON, e.kind());
    }
}
