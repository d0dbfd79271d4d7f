package dev.vigil.node.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The fixture trees under {@code src/test/fixtures}: {@code proc}, {@code sys}, {@code udev},
 * {@code rootfs} and {@code textfile}, captured from real hosts and trimmed. Tests run in the
 * module's directory, so the paths are relative to it.
 */
public final class Fixtures {
    public static final Path ROOT = Path.of("src", "test", "fixtures").toAbsolutePath();

    private Fixtures() {
    }

    public static Path proc() {
        return ROOT.resolve("proc");
    }

    public static Path sys() {
        return ROOT.resolve("sys");
    }

    public static Path udev() {
        return ROOT.resolve("udev");
    }

    public static Path rootfs() {
        return ROOT.resolve("rootfs");
    }

    public static Path textfile() {
        return ROOT.resolve("textfile");
    }

    /** The text of a fixture file, e.g. {@code read("proc/meminfo")}. */
    public static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The path flags that point an exporter (ours or node_exporter) at the fixture trees. */
    public static List<String> pathFlags() {
        return List.of("--path.procfs=" + proc(), "--path.sysfs=" + sys(), "--path.udev.data=" + udev(),
                "--path.rootfs=" + rootfs());
    }
}
