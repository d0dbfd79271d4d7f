package dev.vigil.storage.wal;

import dev.vigil.model.Labels;
import dev.vigil.storage.head.SampleBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.logging.Logger;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * Follows the WAL as it is written, from a position, for a reader that sends samples elsewhere
 * (remote write). Reads each segment with its own Chronicle tailer, in segment order, and moves
 * to the next segment once a newer one exists and the current one has no more records. Series
 * records give each segment's id to labels map ({@link #labels(int)}, valid until the segment
 * changes: ids are only meaningful within their segment); sample batches are returned by
 * {@link #next()}. Deletion records are skipped (a reader of the log does not unsend). Single
 * threaded: one thread opens, reads and closes a tailer.
 *
 * <p>A position is the segment and the Chronicle index of the last record done. Resuming reads
 * that segment from its start (for its series declarations) and returns samples only after the
 * position. When the position's segment no longer exists (deleted by WAL truncation before it
 * was read), reading goes on with the oldest segment after it and the listener hears which
 * segments were lost and how many samples they held, where known.
 */
public final class WalTailer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WalTailer.class.getName());
    /** Chronicle index that no record has: nothing in the segment is done yet. */
    public static final long NONE = Long.MIN_VALUE;

    /** Where a reader stands: records of {@code segment} with an index up to {@code index} are done. */
    public record Position(int segment, long index) {
    }

    /** Hears about segments deleted before they were read. */
    public interface Listener {
        /**
         * Segments {@code from} to {@code to} (inclusive) were gone when reading reached them.
         *
         * @param samples the samples they held, or -1 when not known
         */
        void segmentsLost(int from, int to, long samples);
    }

    private final Path dir;
    private final int blockSizeBytes;
    private final IntToLongFunction deletedSamples;
    private final Listener listener;
    private final SampleBatch batch = new SampleBatch();
    private final WalCodec.Deletion deletion = new WalCodec.Deletion();
    private final SymbolCache symbols = new SymbolCache();
    private final Int2ObjectHashMap<Labels> series = new Int2ObjectHashMap<>();
    private byte[] buf = new byte[64 << 10];

    private int segment;
    private SingleChronicleQueue queue;
    private ExcerptTailer tailer;
    /** Records of the current segment with an index up to this one only declare series. */
    private long skipThrough;
    /** A newer segment existed when the current one last had nothing: one more read, then move. */
    private boolean newerSeen;
    /** The current segment ended with a bad record. */
    private boolean exhausted;
    private long index = NONE;

    private WalTailer(Path dir, int blockSizeBytes, IntToLongFunction deletedSamples, Listener listener) {
        this.dir = dir;
        this.blockSizeBytes = blockSizeBytes;
        this.deletedSamples = deletedSamples;
        this.listener = listener;
    }

    /**
     * A tailer that continues after {@code from}.
     *
     * @param deletedSamples the samples of a segment deleted by this process, or -1 (see
     *     {@link Wal#deletedSegmentSamples(int)})
     */
    public static WalTailer resume(Path walDir, int blockSizeBytes, Position from, IntToLongFunction deletedSamples,
            Listener listener) throws IOException {
        WalTailer t = new WalTailer(walDir, blockSizeBytes, deletedSamples, listener);
        List<Integer> segments = Wal.segmentsOnDisk(walDir);
        if (segments.stream().noneMatch(n -> n >= from.segment())) {
            LOG.warning(() -> "WAL reader: segment " + from.segment() + " and every later one are gone from " + walDir
                    + "; reading from the end of the WAL");
            return atEnd(t, segments);
        }
        t.segment = from.segment(); // if it is gone, open() reports it lost and goes on
        t.skipThrough = from.index();
        return t;
    }

    /** A tailer that returns only what is written after now (the newest segment's end). */
    public static WalTailer fromEnd(Path walDir, int blockSizeBytes, IntToLongFunction deletedSamples,
            Listener listener) throws IOException {
        WalTailer t = new WalTailer(walDir, blockSizeBytes, deletedSamples, listener);
        return atEnd(t, Wal.segmentsOnDisk(walDir));
    }

    private static WalTailer atEnd(WalTailer t, List<Integer> segments) throws IOException {
        t.segment = segments.isEmpty() ? 1 : segments.get(segments.size() - 1);
        t.skipThrough = NONE;
        if (t.open()) {
            t.skipThrough = t.queue.lastIndex(); // what is there now is not read (series still are)
        }
        return t;
    }

    private void lost(int from, int to) {
        long samples = 0;
        for (int n = from; n <= to; n++) {
            long s = deletedSamples.applyAsLong(n);
            if (s < 0) {
                samples = -1;
                break;
            }
            samples += s;
        }
        listener.segmentsLost(from, to, samples);
    }

    /**
     * The next record's sample batch (ids as {@link #labels(int)} knows them), or null when there
     * is nothing new yet. The batch is reused by the next call.
     */
    public SampleBatch next() throws IOException {
        while (true) {
            if (tailer == null) {
                if (exhausted) {
                    Integer newer = newerSegment();
                    if (newer == null) {
                        return null;
                    }
                    advanceTo(newer);
                    continue;
                }
                if (!open()) {
                    return null;
                }
            }
            int length;
            long at;
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    length = -1;
                    at = NONE;
                } else {
                    Bytes<?> bytes = dc.wire().bytes();
                    length = (int) bytes.readRemaining();
                    if (length > buf.length) {
                        buf = new byte[Math.max(length, buf.length * 2)];
                    }
                    bytes.read(buf, 0, length);
                    at = dc.index();
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "WAL reader: segment " + segment + " cannot be read further (" + e + ")");
                endSegment();
                continue;
            }
            if (length < 0) {
                Integer newer = newerSegment();
                if (newer == null) {
                    return null;
                }
                if (!newerSeen) {
                    newerSeen = true; // the writer has moved on: read this one once more, then move
                    continue;
                }
                closeQueue();
                advanceTo(newer);
                continue;
            }
            int type;
            try {
                type = WalCodec.decode(buf, 0, length, batch, deletion, symbols);
            } catch (IllegalArgumentException e) {
                // replay stops a segment at its first bad record; so does this reader
                LOG.warning(() -> "WAL reader: bad record in segment " + segment + " (" + e.getMessage()
                        + "); the rest of the segment is skipped");
                endSegment();
                continue;
            }
            newerSeen = false;
            index = at;
            if (type != WalCodec.TYPE_BATCH) {
                continue;
            }
            for (int i = 0; i < batch.seriesCount(); i++) {
                series.put(batch.seriesId(i), batch.seriesLabels(i));
            }
            if (at <= skipThrough) {
                continue;
            }
            return batch;
        }
    }

    /** The labels of a series id of the current segment, or null when it was never declared. */
    public Labels labels(int id) {
        return series.get(id);
    }

    /** The segment the last record came from. */
    public int segment() {
        return segment;
    }

    /** Where the last record returned (or skipped) stands. */
    public Position position() {
        return new Position(segment, index);
    }

    /** The oldest segment newer than the current one, or null. */
    private Integer newerSegment() throws IOException {
        for (int n : Wal.segmentsOnDisk(dir)) {
            if (n > segment) {
                return n;
            }
        }
        return null;
    }

    /** The current segment cannot be read further: only a newer segment goes on. */
    private void endSegment() {
        closeQueue();
        exhausted = true;
    }

    private void advanceTo(int newer) {
        if (newer > segment + 1) {
            lost(segment + 1, newer - 1);
        }
        reset(newer);
    }

    private void reset(int number) {
        segment = number;
        skipThrough = NONE;
        newerSeen = false;
        exhausted = false;
        index = NONE;
        series.clear();
    }

    /** Opens the current segment once Chronicle's metadata file exists in it. */
    private boolean open() throws IOException {
        while (true) {
            Path path = Wal.segmentDir(dir, segment);
            if (!Files.isDirectory(path)) {
                Integer newer = newerSegment();
                if (newer == null) {
                    return false; // not created yet
                }
                lost(segment, newer - 1); // deleted before it was read
                reset(newer);
                continue;
            }
            if (!Files.exists(path.resolve("metadata.cq4t"))) {
                return false;
            }
            try {
                queue = Wal.openSegment(path, blockSizeBytes, false);
                tailer = queue.createTailer();
            } catch (RuntimeException e) {
                closeQueue();
                throw new IOException("WAL reader: cannot open segment " + path + ": " + e.getMessage(), e);
            }
            series.clear();
            index = NONE;
            return true;
        }
    }

    private void closeQueue() {
        if (tailer != null) {
            tailer.close();
            tailer = null;
        }
        if (queue != null) {
            queue.close();
            queue = null;
        }
    }

    @Override
    public void close() {
        closeQueue();
    }
}
