package dev.vigil.promql.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Our scripts: {@code src/test/resources/scripts/*.test}, read from the test class path. */
final class ScriptFiles {
    private ScriptFiles() {
    }

    static List<Path> all() {
        try {
            Path dir = Path.of(ScriptFiles.class.getResource("/scripts").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".test")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Script parse(Path file) {
        try {
            return ScriptParser.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScriptSyntaxException e) {
            throw new AssertionError(file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
