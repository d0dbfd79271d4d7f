package dev.vigil.node.collector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small kernel trees written into a test's temporary directory, for cases the shared fixture tree
 * cannot hold at once (older file formats, broken files, missing files), and the flags that point
 * both exporters at them.
 */
final class NetTrees {
    private NetTrees() {
    }

    /**
     * Writes {@code files} (paths relative to {@code root}, e.g. {@code proc/net/arp}) and creates
     * empty {@code proc}, {@code sys} and {@code udev} directories.
     */
    static Path write(Path root, Map<String, String> files) {
        try {
            for (String dir : List.of("proc", "sys", "udev")) {
                Files.createDirectories(root.resolve(dir));
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The flags that run only {@code collector} over the tree at {@code root}, then {@code extra}. */
    static List<String> args(Path root, String collector, String... extra) {
        List<String> args = new ArrayList<>(List.of("--path.procfs=" + root.resolve("proc"),
                "--path.sysfs=" + root.resolve("sys"), "--path.udev.data=" + root.resolve("udev"),
                "--path.rootfs=" + root, "--collector.disable-defaults", "--collector." + collector));
        args.addAll(List.of(extra));
        return args;
    }
}
