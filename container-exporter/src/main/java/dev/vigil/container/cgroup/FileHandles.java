package dev.vigil.container.cgroup;

import dev.vigil.exporter.log.Log;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * cgroup files kept open from one scrape to the next and read again from offset 0 ({@code pread}):
 * the kernel regenerates a cgroup file's content on every read from the start, and opening and
 * closing a kernfs file costs about four times the read itself (with 50 containers on cgroup v1,
 * 5.8 ms of kernel time per scrape against 1.0 ms; BENCHMARKS.md).
 *
 * <p>A file found missing is not looked for again for {@link #ABSENT_FOR} (v1 block I/O is probed
 * file by file for the scheduler's statistics; most hosts have none of the first candidates).
 *
 * <p>A file not read since the previous {@link #sweep()} is closed there: a removed cgroup's files
 * are never read again, and an open file would keep the dying cgroup in the kernel. At most
 * {@link #MAX_OPEN} files are kept; beyond that, or when the process runs out of descriptors, files
 * are opened and closed per read as before.
 */
final class FileHandles implements AutoCloseable {
    private static final Log LOG = Log.get(FileHandles.class);
    static final int MAX_OPEN = 8192;
    static final long ABSENT_FOR = 30_000_000_000L; // ns: controllers enabled later (v2) show up within 30 s
    private static final int MAX_ABSENT = 65_536;
    private static final int MAX_KEPT_BUFFER = 1 << 20;
    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(8192));

    private static final class Handle {
        final FileChannel channel;
        long usedIn;

        Handle(FileChannel channel) {
            this.channel = channel;
        }
    }

    private final Map<Path, Handle> open = new HashMap<>();
    private final Map<Path, Long> absentSince = new HashMap<>();
    private final LongSupplier nanoClock;
    private long generation;

    FileHandles() {
        this(System::nanoTime);
    }

    FileHandles(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * The file's content as Latin-1, read from offset 0 through a kept handle; null when the file
     * does not exist (or did not {@link #ABSENT_FOR} ago).
     */
    synchronized String readIfPresent(Path file) throws IOException {
        Long since = absentSince.get(file);
        if (since != null) {
            if (nanoClock.getAsLong() - since < ABSENT_FOR) {
                return null;
            }
            absentSince.remove(file);
        }
        try {
            return read(file);
        } catch (NoSuchFileException e) {
            if (absentSince.size() >= MAX_ABSENT) {
                absentSince.clear();
            }
            absentSince.put(file, nanoClock.getAsLong());
            return null;
        }
    }

    /** The file's content as Latin-1, read from offset 0 through a kept handle. */
    synchronized String read(Path file) throws IOException {
        Handle handle = open.get(file);
        if (handle == null) {
            if (open.size() >= MAX_OPEN) {
                return readOnce(file);
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                if (String.valueOf(e.getMessage()).contains("Too many open files")) {
                    LOG.warn("Out of file descriptors; cgroup files are read without keeping them open",
                            "kept", open.size());
                    closeAll();
                    return readOnce(file);
                }
                throw e;
            }
            handle = new Handle(channel);
            open.put(file, handle);
        }
        handle.usedIn = generation;
        try {
            return readFromStart(handle.channel);
        } catch (IOException e) {
            close(handle); // a removed cgroup's file answers ENODEV: let the next read open it anew
            open.remove(file);
            throw e;
        }
    }

    /** Closes the files not read since the last sweep; forgets absences older than {@link #ABSENT_FOR}. */
    synchronized void sweep() {
        long now = nanoClock.getAsLong();
        absentSince.values().removeIf(since -> now - since >= ABSENT_FOR);
        for (Iterator<Handle> it = open.values().iterator(); it.hasNext();) {
            Handle handle = it.next();
            if (handle.usedIn != generation) {
                close(handle);
                it.remove();
            }
        }
        generation++;
    }

    synchronized int size() {
        return open.size();
    }

    @Override
    public synchronized void close() {
        closeAll();
    }

    private void closeAll() {
        open.values().forEach(FileHandles::close);
        open.clear();
    }

    private static void close(Handle handle) {
        try {
            handle.channel.close();
        } catch (IOException e) {
            // nothing to do: it is gone either way
        }
    }

    /** Opens, reads and closes: for files not worth keeping (or no descriptors left). */
    static String readOnce(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return readFromStart(channel);
        }
    }

    /**
     * The whole content, read with positional reads from 0 into this thread's reused buffer. A read
     * that leaves the buffer unfilled ends it: a kernfs (seq_file) read fills the buffer unless the
     * content is over, and so does a read of a regular file; saving the extra read that would return
     * end-of-file is a third of the syscalls.
     */
    static String readFromStart(FileChannel channel) throws IOException {
        ByteBuffer buffer = BUFFERS.get();
        buffer.clear();
        long position = 0;
        while (true) {
            int n = channel.read(buffer, position);
            if (n <= 0) {
                break;
            }
            position += n;
            if (buffer.hasRemaining()) {
                break;
            }
            ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2); // a big cgroup.procs or memory.stat
            buffer.flip();
            bigger.put(buffer);
            buffer = bigger;
            if (buffer.capacity() <= MAX_KEPT_BUFFER) {
                BUFFERS.set(buffer);
            }
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
    }
}
