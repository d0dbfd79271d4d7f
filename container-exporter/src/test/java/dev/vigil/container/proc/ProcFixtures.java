package dev.vigil.container.proc;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The fixture host under {@code fixtures/proc} (see its README) and scratch trees for tests. */
final class ProcFixtures {
    static final Path ROOT;

    static {
        try {
            ROOT = Path.of(ProcFixtures.class.getResource("/fixtures/proc").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProcFixtures() {
    }

    /** Host roots pointing at the fixture's {@code procfs}, {@code sysfs} and {@code rootfs}. */
    static HostPaths paths() {
        return under(ROOT);
    }

    /** Host roots {@code procfs}, {@code sysfs}, {@code rootfs} under {@code dir}. */
    static HostPaths under(Path dir) {
        return new HostPaths(dir.resolve("procfs"), dir.resolve("sysfs"), dir.resolve("rootfs"), dir.resolve("udev"));
    }

    static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code content} to {@code dir/relative}, creating parents. */
    static Path write(Path dir, String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    /** Creates the symbolic link {@code dir/relative} -> {@code target} (need not exist), creating parents. */
    static Path link(Path dir, String relative, String target) throws IOException {
        Path link = dir.resolve(relative);
        Files.createDirectories(link.getParent());
        return Files.createSymbolicLink(link, Path.of(target));
    }
}
