package dev.vigil.container.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupTreeTest {
    static final String V1_A = "3f4e1a5b2c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f";
    static final String V1_B = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    static final String POD = "pod6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
    static final String POD_SLICE = "/kubepods.slice/kubepods-burstable.slice/"
            + "kubepods-burstable-pod6f1e2d3c_4b5a_4978_8695_a4b3c2d1e0f9.slice";

    @Test
    void v1CgroupfsLayoutIsTheUnionOfControllerHierarchies() throws IOException {
        List<String> list = new CgroupTree(CgroupMounts.discover(Fixtures.paths("v1"))).list();
        // /user.slice exists under memory only; /init.scope only in the named systemd hierarchy (not listed).
        assertEquals(List.of("/", "/docker", "/docker/" + V1_A, "/kubepods", "/kubepods/burstable",
                "/kubepods/burstable/" + POD, "/kubepods/burstable/" + POD + "/" + V1_B, "/user.slice"), list);
    }

    @Test
    void hybridSystemdLayoutSkipsMountUnitsAndTheUnifiedTree() throws IOException {
        List<String> list = new CgroupTree(CgroupMounts.discover(Fixtures.paths("hybrid"))).list();
        assertEquals(List.of("/", "/kubepods.slice", "/kubepods.slice/kubepods-burstable.slice", POD_SLICE,
                POD_SLICE + "/cri-containerd-d00dfeed0123456789abcdef0123456789abcdef0123456789abcdef01234567.scope",
                "/system.slice", "/system.slice/containerd.service",
                "/system.slice/docker-c0ffee00112233445566778899aabbccddeeff00112233445566778899aabbcc.scope"), list);
    }

    @Test
    void v2SystemdAndCgroupfsLayouts() throws IOException {
        List<String> list = new CgroupTree(CgroupMounts.discover(Fixtures.paths("v2"))).list();
        assertEquals(List.of("/", "/docker", "/docker/9999999999999999999999999999999999999999999999999999999999999999",
                "/init.scope", "/kubepods.slice", "/kubepods.slice/kubepods-burstable.slice", POD_SLICE,
                POD_SLICE + "/cri-containerd-fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210.scope",
                "/system.slice", "/system.slice/containerd.service",
                "/system.slice/docker-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.scope",
                "/user.slice"), list);
    }

    @Test
    void missingHierarchyListsNothing(@TempDir Path dir) throws IOException {
        CgroupMounts mounts = new CgroupMounts(CgroupMode.V2, Map.of(), Optional.of(dir.resolve("gone")));
        assertEquals(List.of(), new CgroupTree(mounts).list());
    }

    @Test
    void copesWithDirectoriesVanishingDuringTheWalk(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("cgroup");
        CgroupMounts mounts = new CgroupMounts(CgroupMode.V2, Map.of(), Optional.of(root));
        Files.createDirectories(root.resolve("keep"));
        AtomicBoolean stop = new AtomicBoolean();
        // A churner creates and deletes short-lived cgroup-like trees while we list.
        Thread churn = new Thread(() -> {
            int i = 0;
            while (!stop.get()) {
                Path c = root.resolve("c" + (i++ % 20)).resolve("child").resolve("leaf");
                try {
                    Files.createDirectories(c);
                    deleteTree(root.resolve("c" + ((i + 7) % 20)));
                } catch (IOException | RuntimeException raced) {
                    // the other side of the race is the point of the test
                }
            }
        });
        churn.start();
        try {
            for (int n = 0; n < 300; n++) {
                List<String> list = new CgroupTree(mounts).list();
                assertTrue(list.contains("/") && list.contains("/keep"), list.toString());
            }
        } finally {
            stop.set(true);
            churn.join();
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    @Test
    void namesAreRelativeToTheHierarchy() {
        Path h = Path.of("/x/sys/fs/cgroup/memory");
        assertEquals("/", CgroupTree.name(h, h));
        assertEquals("/docker/abc", CgroupTree.name(h, h.resolve("docker/abc")));
    }

}
