package dev.vigil.jvm.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The {@code hsperfdata_<user>} directories of the host's {@code /tmp}, listed again only when
 * {@code /tmp} changed. Why: a host's {@code /tmp} may hold hundreds of entries, and listing it on
 * every scrape was a large share of a scrape's CPU; its modification time changes whenever an entry
 * is added or removed, so one {@code stat} tells whether the last listing still holds.
 *
 * <p>A change in the same clock tick as the listing would leave the time unchanged (file times are
 * coarse), so a listing made within {@value #RACY_MILLIS} ms of the directory's modification time
 * is not trusted and the next call lists again, as git does with racily clean index entries.
 *
 * <p>Not thread-safe (one scan at a time).
 */
final class UserDirs {
    static final long RACY_MILLIS = 2_000;
    private static final String PREFIX = "hsperfdata_";

    private final Path tmp;
    private final LongSupplier epochMillis;
    private List<Path> dirs = List.of();
    private FileTime listedAt;
    private Object tmpKey;

    UserDirs(Path tmp, LongSupplier epochMillis) {
        this.tmp = tmp;
        this.epochMillis = epochMillis;
    }

    /** The directories, from the last listing when {@code /tmp} has not changed since. */
    List<Path> get() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(tmp, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            dirs = List.of();
            listedAt = null;
            tmpKey = null;
            return dirs;
        }
        tmpKey = attributes.fileKey();
        FileTime modified = attributes.lastModifiedTime();
        if (modified.equals(listedAt)) {
            return dirs;
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(entry)) {
                    found.add(entry);
                }
            }
        } catch (NoSuchFileException e) {
            found.clear();
        }
        dirs = List.copyOf(found);
        boolean racy = epochMillis.getAsLong() - modified.toMillis() < RACY_MILLIS;
        listedAt = racy ? null : modified;
        return dirs;
    }

    /**
     * The identity (device and inode) of {@code /tmp} as of the last {@link #get()}, null when
     * there is none: a process whose root's {@code tmp} has the same key shares the host's.
     */
    Object tmpKey() {
        return tmpKey;
    }

    /** The user a directory belongs to: its name after {@code hsperfdata_}. */
    static String user(Path dir) {
        return dir.getFileName().toString().substring(PREFIX.length());
    }
}
