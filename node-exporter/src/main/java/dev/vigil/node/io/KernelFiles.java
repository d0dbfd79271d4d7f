package dev.vigil.node.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads small kernel files under /proc and /sys. Their sizes lie (sysfs says 4096, procfs says 0),
 * so every read goes to end of file. Parsing is left to the pure readers in {@code procfs} and
 * {@code sysfs}.
 */
public final class KernelFiles {
    private static final int FIRST_READ = 8192;

    private KernelFiles() {
    }

    /**
     * The whole file as text. The first read asks for 8 KiB at once: a sysctl file under
     * /proc/sys answers only a read at offset 0 (a later one gets end of file), so reading it byte
     * by byte, as {@code Files.readAllBytes} does for a file whose size is 0, yields one character.
     */
    public static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[FIRST_READ];
            int length = 0;
            int n;
            while ((n = in.read(buffer, length, buffer.length - length)) >= 0) {
                length += n;
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            return new String(buffer, 0, length, StandardCharsets.UTF_8);
        }
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
