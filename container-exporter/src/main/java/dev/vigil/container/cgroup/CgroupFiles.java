package dev.vigil.container.cgroup;

import dev.vigil.exporter.log.Log;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reads one cgroup directory's files for the stats readers. A file that is missing, or that fails
 * to read (the cgroup was removed mid-read, PSI disabled with {@code psi=0}), is absent: one
 * unreadable file costs its own values, not the cgroup's.
 */
final class CgroupFiles {
    private static final Log LOG = Log.get(CgroupFiles.class);

    /** The files of a controller that is not mounted: all absent. */
    static final CgroupFiles NONE = new CgroupFiles(null);

    private static final int MAX_KEPT_BUFFER = 1 << 20;
    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(8192));

    private final Path dir;

    CgroupFiles(Path dir) {
        this.dir = dir;
    }

    Optional<String> text(String name) {
        if (dir == null) {
            return Optional.empty();
        }
        Path file = dir.resolve(name);
        try {
            return Optional.of(read(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("Unreadable cgroup file", "path", file, "err", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The file's bytes as Latin-1, read into this thread's reused buffer: a scrape reads about 20
     * small files per cgroup, and {@code Files.readString}'s extra {@code fstat} and per-file
     * buffer cost more than the read itself (BENCHMARKS.md).
     */
    static String read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = BUFFERS.get();
            buffer.clear();
            while (channel.read(buffer) >= 0) {
                if (!buffer.hasRemaining()) { // a big cgroup.procs or memory.stat: grow and keep reading
                    ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2);
                    buffer.flip();
                    bigger.put(buffer);
                    buffer = bigger;
                    if (buffer.capacity() <= MAX_KEPT_BUFFER) {
                        BUFFERS.set(buffer);
                    }
                }
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
        }
    }

    boolean exists(String name) {
        return dir != null && Files.exists(dir.resolve(name));
    }

    <T> Optional<T> parsed(String name, Function<String, T> parser) {
        return text(name).map(parser);
    }

    OptionalLong single(String name) {
        Optional<String> text = text(name);
        return text.isEmpty() ? OptionalLong.empty() : SingleValueFile.parse(text.get());
    }

    OptionalLong signed(String name) {
        Optional<String> text = text(name);
        return text.isEmpty() ? OptionalLong.empty() : SingleValueFile.parseSigned(text.get());
    }

    Map<String, Long> flat(String name) {
        return text(name).map(FlatKeyedFile::parse).orElse(Map.of());
    }

    /** The PIDs of {@code cgroup.procs}; absent when the file is. Unparseable lines are skipped. */
    Optional<List<Long>> procs() {
        return text("cgroup.procs").map(text -> text.lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(Numbers::parseUnsigned).filter(Objects::nonNull).toList());
    }

    static OptionalLong key(Map<String, Long> values, String key) {
        Long value = values.get(key);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    static OptionalLong times(OptionalLong value, long factor) {
        return value.isPresent() ? OptionalLong.of(value.getAsLong() * factor) : OptionalLong.empty();
    }

    static OptionalLong cadvisorLimit(OptionalLong value) {
        return value.isPresent() ? OptionalLong.of(SingleValueFile.cadvisorLimit(value.getAsLong())) : value;
    }

    /** {@code max(0, usage − inactive)}; usage itself when inactive is unknown. */
    static OptionalLong workingSet(OptionalLong usage, OptionalLong inactiveFile) {
        if (usage.isEmpty()) {
            return usage;
        }
        if (inactiveFile.isEmpty()) {
            return usage;
        }
        return OptionalLong.of(Math.max(0, usage.getAsLong() - inactiveFile.getAsLong()));
    }
}
