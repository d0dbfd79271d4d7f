package dev.vigil.container.cgroup;

import dev.vigil.exporter.log.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
    static final CgroupFiles NONE = new CgroupFiles(null, null);

    private final Path dir;
    private final FileHandles handles;

    /** The files of {@code dir}, read through {@code handles} when given (else opened per read). */
    CgroupFiles(Path dir, FileHandles handles) {
        this.dir = dir;
        this.handles = handles;
    }

    Optional<String> text(String name) {
        if (dir == null) {
            return Optional.empty();
        }
        Path file = dir.resolve(name);
        try {
            return Optional.ofNullable(handles == null ? read(file) : handles.readIfPresent(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("Unreadable cgroup file", "path", file, "err", e.getMessage());
            return Optional.empty();
        }
    }

    /** Opens, reads and closes the file (tests, tools); the stats readers go through {@link FileHandles}. */
    static String read(Path file) throws IOException {
        return FileHandles.readOnce(file);
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
