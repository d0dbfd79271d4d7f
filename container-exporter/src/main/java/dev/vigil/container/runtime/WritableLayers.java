package dev.vigil.container.runtime;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a Docker container's writable layer lives on the host, found as cAdvisor finds it
 * ({@code container/docker/handler.go}): the layer's mount id from
 * {@code <root>/image/<driver>/layerdb/mounts/<container>/mount-id}, then the driver's directory for
 * it. Drivers whose layers are plain directories only: {@code overlay2}, {@code overlay},
 * {@code vfs}, {@code aufs}, {@code btrfs}; others ({@code zfs}, {@code devicemapper}) have none.
 */
public final class WritableLayers {
    private static final Pattern MOUNT_ID = Pattern.compile("[0-9a-zA-Z_-]{1,128}");

    private final HostPaths paths;

    public WritableLayers(HostPaths paths) {
        this.paths = paths;
    }

    /** The host directory of the container's writable layer, under {@code --path.rootfs}; empty when there is none to measure. */
    public Optional<Path> layer(EngineInfo engine, String containerId) throws IOException {
        if (engine.rootDir().isEmpty() || !engine.rootDir().startsWith("/") || !MOUNT_ID.matcher(containerId).matches()
                || !MOUNT_ID.matcher(engine.storageDriver()).matches()) {
            return Optional.empty();
        }
        Path root = engine.rootDir().equals("/") ? paths.rootfs() : paths.root(engine.rootDir().substring(1));
        String mountId;
        try {
            mountId = Files.readString(root.resolve("image").resolve(engine.storageDriver()).resolve("layerdb")
                    .resolve("mounts").resolve(containerId).resolve("mount-id"), StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return layerDirectory(root, engine.storageDriver(), mountId);
    }

    /** The driver's directory for a layer mount id; empty for drivers without one, or a malformed id. */
    public static Optional<Path> layerDirectory(Path root, String driver, String mountId) {
        if (!MOUNT_ID.matcher(mountId).matches()) {
            return Optional.empty();
        }
        return switch (driver) {
            case "overlay2", "overlay" -> Optional.of(root.resolve(driver).resolve(mountId).resolve("diff"));
            case "vfs" -> Optional.of(root.resolve("vfs").resolve("dir").resolve(mountId));
            case "aufs" -> Optional.of(root.resolve("aufs").resolve("diff").resolve(mountId));
            case "btrfs" -> Optional.of(root.resolve("btrfs").resolve("subvolumes").resolve(mountId));
            default -> Optional.empty();
        };
    }
}
