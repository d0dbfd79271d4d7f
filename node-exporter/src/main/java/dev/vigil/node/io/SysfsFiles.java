package dev.vigil.node.io;

import dev.vigil.exporter.host.GoStrconv;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads sysfs attributes as prometheus/procfs does ({@code util.SysReadFile}: one read of up to a
 * page, Go's space trimming; bytes that are not UTF-8 become U+FFFD, one per run, as node_exporter's
 * {@code strings.ToValidUTF8} makes them before they become label values) and tells the errors a
 * device may answer a read with (it does not support the attribute, or not in its present state)
 * from real failures.
 */
public final class SysfsFiles {
    private SysfsFiles() {
    }

    /** Attributes hold at most a page; procfs reads them with one read of this size. */
    private static final int PAGE = 4096;

    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(PAGE));

    /** The attribute's value without surrounding white space. */
    public static String read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return decode(channel);
        }
    }

    /**
     * {@link #read(Path)} of a regular file only: a symbolic link is refused ({@link
     * #isNotAttribute(IOException)} tells), as procfs skips what is not a regular file.
     */
    public static String readNoFollow(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return decode(channel);
        }
    }

    /** The file was a directory or a symbolic link, which {@link #readNoFollow(Path)} does not read. */
    public static boolean isNotAttribute(IOException e) {
        return e instanceof FileSystemLoopException || hasReason(e, "Is a directory")
                || hasReason(e, "symbolic link") || hasReason(e, "Too many levels");
    }

    private static String decode(FileChannel channel) throws IOException {
        ByteBuffer buffer = BUFFERS.get();
        buffer.clear();
        int n = channel.read(buffer);
        if (n <= 0) {
            return "";
        }
        return GoStrconv.trimSpace(GoStrconv.decodeUtf8(buffer.array(), 0, n));
    }

    /**
     * What a single {@code read(2)} of at most {@code max} bytes returns, as node_exporter's hwmon
     * collector reads (some hwmon drivers never stop answering EAGAIN to a read loop).
     */
    public static String readOnce(Path file, int max) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = BUFFERS.get();
            buffer.clear().limit(Math.min(max, PAGE));
            int n = channel.read(buffer);
            return n <= 0 ? "" : GoStrconv.decodeUtf8(buffer.array(), 0, n);
        }
    }

    /** The names in a directory, sorted as Go's {@code os.ReadDir} returns them. */
    public static List<String> list(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path entry : stream) {
                names.add(entry.getFileName().toString());
            }
        }
        Collections.sort(names);
        return names;
    }

    /** Whether {@code path} itself (not what a link points to) is a regular file. */
    public static boolean isRegularFile(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile();
        } catch (IOException e) {
            return false;
        }
    }

    /** The file does not exist (ENOENT), or a link on its path leads nowhere. */
    public static boolean isMissing(IOException e) {
        return e instanceof NoSuchFileException;
    }

    /** Reading was refused for lack of permission (EACCES, EPERM). */
    public static boolean isPermission(IOException e) {
        return e instanceof AccessDeniedException || hasReason(e, "Operation not permitted");
    }

    /** The device does not support the attribute now (EOPNOTSUPP) or takes it as invalid (EINVAL). */
    public static boolean isUnsupported(IOException e) {
        return hasReason(e, "Operation not supported") || hasReason(e, "Invalid argument");
    }

    private static boolean hasReason(IOException e, String reason) {
        String message = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        return message != null && message.contains(reason);
    }
}
