package dev.vigil.container.proc;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a directory tree holds, as {@code du} would be asked for it: the bytes of its regular files
 * (their apparent size; {@code du} counts allocated blocks, which differ by the last block of each
 * file) and its number of inodes. Symbolic links are counted, never followed; entries that vanish
 * during the walk (a container writing) are skipped.
 */
public final class DirectoryUsage {
    /** A directory's size in bytes and its count of files, directories and links. */
    public record Usage(long bytes, long inodes) {
    }

    private DirectoryUsage() {
    }

    /** @throws NoSuchFileException when {@code dir} is not a directory (the layer is gone) */
    public static Usage of(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(dir.toString(), null, "not a directory");
        }
        long[] totals = new long[2];
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                totals[1]++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                totals[1]++;
                if (attrs.isRegularFile()) {
                    totals[0] += attrs.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // removed while we walked, or not ours to read
            }
        });
        return new Usage(totals[0], totals[1]);
    }
}
