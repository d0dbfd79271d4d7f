package dev.vigil.hub.remote.sender;

import dev.vigil.storage.wal.WalTailer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a queue's receiver has acknowledged: every WAL record read gets a {@link Mark} counting
 * its samples still in flight; the acknowledged position is the last record of the unbroken run
 * of finished marks from the oldest. A sample counts as finished when its batch was acknowledged
 * (2xx) or refused for good (4xx: dropped, counted). Persisted as {@code "<segment> <index>\n"}
 * in one small file per destination, replaced atomically.
 */
final class Progress {
    /** One WAL record's samples in flight, plus one for the reader until it has enqueued them all. */
    static final class Mark {
        final int segment;
        final long index;
        final AtomicInteger pending = new AtomicInteger(1);

        Mark(int segment, long index) {
            this.segment = segment;
            this.index = index;
        }
    }

    private final Path file;
    private final ConcurrentLinkedQueue<Mark> marks = new ConcurrentLinkedQueue<>();
    private volatile WalTailer.Position acked;
    private WalTailer.Position written;

    Progress(Path file, WalTailer.Position start) {
        this.file = file;
        this.acked = start;
    }

    /** The saved position in {@code file}, or null when there is none (or it cannot be read). */
    static WalTailer.Position read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return null;
        }
        String[] parts = text.split(" ");
        try {
            return new WalTailer.Position(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw new IOException("remote write position file " + file + " is damaged: \"" + text + "\"");
        }
    }

    /** Called by the reader for each record, before its samples are enqueued. */
    Mark begin(int segment, long index) {
        Mark m = new Mark(segment, index);
        marks.add(m);
        return m;
    }

    /** One sample (or the reader's own hold) of the mark is finished. */
    static void done(Mark m, int n) {
        m.pending.addAndGet(-n);
    }

    /** Moves the acknowledged position over the finished marks; returns it. */
    WalTailer.Position advance() {
        Mark last = null;
        for (Mark m = marks.peek(); m != null && m.pending.get() <= 0; m = marks.peek()) {
            last = marks.poll();
        }
        if (last != null) {
            acked = new WalTailer.Position(last.segment, last.index);
        }
        return acked;
    }

    WalTailer.Position acked() {
        return acked;
    }

    /** The oldest WAL segment this queue may still need. */
    int oldestSegmentNeeded() {
        return acked.segment();
    }

    /** Writes the acknowledged position if it moved since the last write. */
    void persist() throws IOException {
        WalTailer.Position p = advance();
        if (p.equals(written)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap((p.segment() + " " + p.index() + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        written = p;
    }
}
