package dev.vigil.node.collector;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Go's {@code filepath.Glob} for absolute or relative patterns: each path element may hold a glob. */
final class Globs {
    private Globs() {
    }

    /** The existing paths matching {@code pattern}, sorted; empty when none do. */
    static List<Path> expand(String pattern) throws IOException {
        Path path = Path.of(pattern);
        List<Path> current = new ArrayList<>();
        current.add(path.isAbsolute() ? path.getRoot() : Path.of(""));
        for (Path element : path) {
            String part = element.toString();
            List<Path> next = new ArrayList<>();
            for (Path base : current) {
                if (part.chars().noneMatch(c -> c == '*' || c == '?' || c == '[')) {
                    Path candidate = base.resolve(part);
                    if (Files.exists(candidate)) {
                        next.add(candidate);
                    }
                    continue;
                }
                Path dir = base.toString().isEmpty() ? Path.of(".") : base;
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, part)) {
                    for (Path entry : stream) {
                        next.add(base.resolve(entry.getFileName()));
                    }
                }
            }
            next.sort(null);
            current = next;
        }
        return current;
    }
}
