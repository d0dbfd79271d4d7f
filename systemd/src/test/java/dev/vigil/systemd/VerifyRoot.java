package dev.vigil.systemd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A file system root for {@code systemd-analyze verify --root=}: verify loads a unit, follows its
 * dependencies (sysinit.target, network-online.target, ...) and checks that every command it runs
 * exists and is executable, all below the root. The tree, in {@code target/verify-root}:
 * <ul>
 *   <li>{@code usr/lib/systemd/system}: this host's own units (where the targets come from) plus
 *       ours, where the packages install them;</li>
 *   <li>{@code usr/bin/vigil-*}: the repository's real launchers from {@code bin/} (what the
 *       packages install as {@code /usr/bin/vigil-*}), with {@code bin/lib/} beside them so they are
 *       whole, and {@code usr/bin/kill} for the hub's {@code ExecReload=};</li>
 *   <li>{@code bin}: a link to {@code usr/bin}, as on a merged-/usr system.</li>
 * </ul>
 * verify only looks at units inside the root, so a unit must be copied in before it is checked.
 */
final class VerifyRoot {
    static final Path HOST_UNITS = Path.of("/usr/lib/systemd/system");
    static final Path HOST_KILL = Path.of("/usr/bin/kill");

    private final Path root;

    private VerifyRoot(Path root) {
        this.root = root;
    }

    /** Builds the tree afresh under {@code target/<name>}. */
    static VerifyRoot create(String name) {
        Path root = Unit.moduleDir().resolve("target").resolve(name);
        try {
            deleteTree(root);
            Path units = Files.createDirectories(root.resolve("usr/lib/systemd/system"));
            copyTree(HOST_UNITS, units);
            Path usrBin = Files.createDirectories(root.resolve("usr/bin"));
            for (Unit unit : Unit.ALL) {
                copyExecutable(Unit.repoDir().resolve("bin").resolve(unit.binary()), usrBin.resolve(unit.binary()));
            }
            copyTree(Unit.repoDir().resolve("bin/lib"), Files.createDirectories(usrBin.resolve("lib")));
            copyExecutable(HOST_KILL, usrBin.resolve("kill"));
            Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
            return new VerifyRoot(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return root;
    }

    /** Puts a unit file in the root where the packages install units; returns its path there. */
    Path install(String name, String content) throws IOException {
        Path file = root.resolve("usr/lib/systemd/system").resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static void copyExecutable(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        if (!to.toFile().setExecutable(true, false)) {
            throw new IOException("cannot make " + to + " executable");
        }
    }

    /** Copies files and links as they are (the host's units hold alias links). */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isSymbolicLink(source)) {
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Files.readSymbolicLink(source));
                } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
