package dev.vigil.container.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.exporter.host.HostPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritableLayersTest {
    private static final String ID = "3f4e1a5b2c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f";
    private static final String MOUNT = "2f820366d0eb6fede6a20c96b08df2b8e56c1c8dc6016581a53b3775219a1740";

    @TempDir
    Path host;

    @Test
    void eachDriversLayerDirectory() {
        Path root = Path.of("/var/lib/docker");
        assertEquals(Optional.of(root.resolve("overlay2/" + MOUNT + "/diff")),
                WritableLayers.layerDirectory(root, "overlay2", MOUNT));
        assertEquals(Optional.of(root.resolve("vfs/dir/" + MOUNT)), WritableLayers.layerDirectory(root, "vfs", MOUNT));
        assertEquals(Optional.of(root.resolve("aufs/diff/" + MOUNT)), WritableLayers.layerDirectory(root, "aufs", MOUNT));
        assertEquals(Optional.of(root.resolve("btrfs/subvolumes/" + MOUNT)),
                WritableLayers.layerDirectory(root, "btrfs", MOUNT));
        assertEquals(Optional.empty(), WritableLayers.layerDirectory(root, "zfs", MOUNT), "zfs has no directory");
        assertEquals(Optional.empty(), WritableLayers.layerDirectory(root, "vfs", "../../etc"), "a malformed id");
    }

    @Test
    void theMountIdUnderTheRootfs() throws Exception {
        Path mounts = Files.createDirectories(host.resolve("var/lib/docker/image/vfs/layerdb/mounts/" + ID));
        Files.writeString(mounts.resolve("mount-id"), MOUNT);
        WritableLayers layers = new WritableLayers(new HostPaths(host.resolve("proc"), host.resolve("sys"), host,
                host.resolve("udev")));
        EngineInfo engine = new EngineInfo("20.10.24", "/var/lib/docker", "vfs");
        assertEquals(Optional.of(host.resolve("var/lib/docker/vfs/dir/" + MOUNT)), layers.layer(engine, ID));
        assertEquals(Optional.empty(), layers.layer(engine, "0123"), "no mount-id: no layer");
        assertEquals(Optional.empty(), layers.layer(new EngineInfo("x", "", "vfs"), ID), "no root dir told");
        assertEquals(Optional.empty(), layers.layer(engine, "../" + ID), "a malformed container id");
    }
}
