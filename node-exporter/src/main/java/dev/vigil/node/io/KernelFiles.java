package dev.vigil.node.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads small kernel files under /proc and /sys. Their sizes lie (sysfs says 4096, procfs says 0),
 * so every read goes to end of file. Parsing is left to the pure readers in {@code procfs} and
 * {@code sysfs}.
 */
public final class KernelFiles {
    private KernelFiles() {
    }

    /** The whole file as text. */
    public static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /** The file's text without surrounding whitespace: sysfs attributes end in a newline. */
    public static String readTrimmed(Path file) throws IOException {
        return read(file).strip();
    }

    /** The trimmed text, or empty if the file does not exist or cannot be read. */
    public static Optional<String> readOptional(Path file) {
        try {
            return Optional.of(readTrimmed(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The file's content as one integer, as sysfs attributes hold them. */
    public static long readLong(Path file) throws IOException {
        String text = readTrimmed(file);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": not an integer: " + text, e);
        }
    }

    /** The names in a directory, sorted; empty if it does not exist. */
    public static List<String> list(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path entry : stream) {
                names.add(entry.getFileName().toString());
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        Collections.sort(names);
        return names;
    }
}
