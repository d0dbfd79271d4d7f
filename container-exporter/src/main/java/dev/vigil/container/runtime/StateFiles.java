package dev.vigil.container.runtime;

import dev.vigil.container.runtime.RuntimeApiException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Small reads of runtime state directories, where "gone" (a container that just exited) is normal. */
final class StateFiles {
    /** A config.json is tens of KB; refuse anything absurd rather than read it whole. */
    private static final long MAX_STATE_FILE = 8 << 20;

    private StateFiles() {
    }

    /** The file's bytes, or empty when it does not exist (the container is gone). */
    static Optional<byte[]> read(Path file) throws RuntimeApiException {
        try {
            if (Files.size(file) > MAX_STATE_FILE) {
                throw new RuntimeApiException(Kind.IO, file + " is larger than " + MAX_STATE_FILE + " bytes");
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new RuntimeApiException(Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A pid file's number ({@code init.pid}, CRI-O's {@code pidfile}); empty if absent, empty or not > 0. */
    static OptionalLong pid(Path file) throws RuntimeApiException {
        Optional<byte[]> bytes = read(file);
        return bytes.isEmpty() ? OptionalLong.empty() : parsePositive(new String(bytes.get(), StandardCharsets.US_ASCII));
    }

    static OptionalLong parsePositive(String text) {
        try {
            long pid = Long.parseLong(text.strip());
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static Optional<Instant> mtime(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The names of the sub-directories of {@code dir}; none when it does not exist. */
    static List<String> subdirectories(Path dir) throws RuntimeApiException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    names.add(entry.getFileName().toString());
                }
            }
        } catch (NoSuchFileException e) {
            return names;
        } catch (IOException e) {
            throw new RuntimeApiException(Kind.IO, "cannot list " + dir + ": " + e.getMessage(), e);
        }
        return names;
    }
}
