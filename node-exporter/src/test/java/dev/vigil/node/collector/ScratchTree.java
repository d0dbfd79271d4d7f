package dev.vigil.node.collector;

import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small proc/sys tree written by a test into a temporary directory, for cases the shared
 * fixture tree does not show (other architectures, hardware this host lacks, broken files). Both
 * exporters are pointed at it with the same path flags.
 */
final class ScratchTree {
    private final Path root;

    ScratchTree(Path root) {
        this.root = root;
        for (String dir : List.of("proc", "sys", "rootfs", "udev")) {
            mkdirs(root.resolve(dir));
        }
    }

    /** Writes {@code text} to {@code relative} (e.g. {@code proc/stat}), creating directories. */
    ScratchTree file(String relative, String text) {
        Path file = root.resolve(relative);
        mkdirs(file.getParent());
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Copies a file of the shared fixture tree to the same place here. */
    ScratchTree fixture(String relative) {
        return file(relative, Fixtures.read(relative));
    }

    /** Deletes a file written before. */
    ScratchTree delete(String relative) {
        try {
            Files.delete(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    HostPaths paths() {
        return new HostPaths(root.resolve("proc"), root.resolve("sys"), root.resolve("rootfs"), root.resolve("udev"));
    }

    /** Path flags for this tree, {@code --collector.disable-defaults}, the collector, then {@code extra}. */
    List<String> args(String collector, String... extra) {
        List<String> args = new ArrayList<>(List.of("--path.procfs=" + root.resolve("proc"),
                "--path.sysfs=" + root.resolve("sys"), "--path.rootfs=" + root.resolve("rootfs"),
                "--path.udev.data=" + root.resolve("udev"), "--collector.disable-defaults", "--collector." + collector));
        args.addAll(List.of(extra));
        return args;
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
