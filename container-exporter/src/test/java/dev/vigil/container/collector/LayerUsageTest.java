package dev.vigil.container.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.container.proc.DirectoryUsage;
import dev.vigil.container.runtime.EngineInfo;
import dev.vigil.container.runtime.WritableLayers;
import dev.vigil.exporter.host.HostPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerUsageTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final EngineInfo ENGINE = new EngineInfo("20.10.24", "/var/lib/docker", "overlay2");

    @TempDir
    Path host;

    private Path layer(String container, String mountId) throws Exception {
        Path mounts = Files.createDirectories(host.resolve("var/lib/docker/image/overlay2/layerdb/mounts/" + container));
        Files.writeString(mounts.resolve("mount-id"), mountId);
        return Files.createDirectories(host.resolve("var/lib/docker/overlay2/" + mountId + "/diff"));
    }

    @Test
    void measuredOncePerPeriodAndForgottenWhenGone() throws Exception {
        Path a = layer(A, "m1");
        Files.write(a.resolve("data.bin"), new byte[3000]);
        Files.createDirectories(a.resolve("etc"));
        Files.writeString(a.resolve("etc/hostname"), "web\n");
        long[] now = {0};
        try (LayerUsage usage = new LayerUsage(new WritableLayers(new HostPaths(host.resolve("proc"),
                host.resolve("sys"), host, host.resolve("udev"))), () -> now[0])) {
            usage.track(Set.of(A, B), ENGINE); // B has no mount-id: no layer, no samples
            usage.measureDue();
            assertEquals(Optional.of(new DirectoryUsage.Usage(3004, 4)), usage.usage(A), "2 files, 2 directories");
            assertEquals(Optional.empty(), usage.usage(B));

            Files.write(a.resolve("more.bin"), new byte[1000]);
            now[0] = LayerUsage.PERIOD.toNanos() - 1;
            usage.measureDue();
            assertEquals(3004, usage.usage(A).orElseThrow().bytes(), "not measured again within the period");
            now[0] = LayerUsage.PERIOD.toNanos() + 1;
            usage.measureDue();
            assertEquals(4004, usage.usage(A).orElseThrow().bytes(), "measured again after it");

            usage.track(Set.of(B), ENGINE);
            assertEquals(Optional.empty(), usage.usage(A), "a container no longer running is forgotten");
        }
    }
}
