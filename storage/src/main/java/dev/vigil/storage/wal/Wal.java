package dev.vigil.storage.wal;

import dev.vigil.model.Labels;
import dev.vigil.storage.files.Dirs;
import dev.vigil.storage.head.CommitLog;
import dev.vigil.storage.head.SampleBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.collections.IntArrayList;

/**
 * The WAL: numbered segments under {@code <dir>}, each a Chronicle Queue of raw records
 * ({@link WalCodec}). Every process run appends to a fresh segment, so a tail torn by a crash is
 * only ever read, never written after: replay reads each segment up to its first bad record,
 * reports what it skipped and goes on with the next segment. A segment declares each series (id
 * and labels) before its first sample, so segments older than the blocks can be deleted whole.
 */
public final class Wal implements CommitLog, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Wal.class.getName());
    /** Held so the level set below sticks (the logging framework keeps loggers weakly). */
    private static final Logger CHRONICLE_LOG = Logger.getLogger("net.openhft");

    static {
        // Chronicle reports every slow page mapping at INFO and prints a banner: noise in an
        // appliance's log. Its warnings stay. Set before its classes load; a user's own
        // logging configuration or -D flags win.
        if (CHRONICLE_LOG.getLevel() == null) {
            CHRONICLE_LOG.setLevel(Level.WARNING);
        }
        if (System.getProperty("chronicle.announcer.disable") == null) {
            System.setProperty("chronicle.announcer.disable", "true");
        }
        if (System.getProperty("chronicle.analytics.disable") == null) {
            System.setProperty("chronicle.analytics.disable", "true");
        }
    }
    /** Samples per record at most; larger batches are split (Chronicle caps a record's size). */
    static final int MAX_SAMPLES_PER_RECORD = 8192;
    /** Estimated bytes per record at most, well below Chronicle's limit for the block size. */
    static final long MAX_RECORD_BYTES = 128 << 10;

    private final Path dir;
    private final WalOptions options;
    private final IntFunction<Labels> labelsOf;
    private final FileStore store;
    private final WalCodec codec = new WalCodec();
    private final SampleBatch part = new SampleBatch();
    /** Series ids this segment has declared (ids are dense: a bit each). */
    private final BitSet declared = new BitSet();
    /** Segment number to the newest sample time in it. */
    private final TreeMap<Integer, Long> segmentMaxTime = new TreeMap<>();
    /** Segment number to the samples in it (replayed or written). */
    private final TreeMap<Integer, Long> segmentSamples = new TreeMap<>();
    /** Samples of the segments deleted by this process (the newest few hundred), for WAL readers. */
    private final TreeMap<Integer, Long> deletedSamples = new TreeMap<>();

    private int segment;
    private SingleChronicleQueue queue;
    private ExcerptAppender appender;
    private long lastSync = System.currentTimeMillis();
    private boolean dirty;
    private long recordsWritten;
    private long bytesWritten;

    private Wal(Path dir, WalOptions options, IntFunction<Labels> labelsOf) throws IOException {
        this.dir = dir;
        this.options = options;
        this.labelsOf = labelsOf;
        Files.createDirectories(dir);
        this.store = Files.getFileStore(dir);
    }

    /**
     * Opens the WAL in {@code dir}: replays every segment into {@code replay} (oldest first, with
     * progress in the log), then starts a new segment for appends.
     *
     * @param labelsOf the labels of a head series by id, to declare series a segment has not seen
     */
    public static Wal open(Path dir, WalOptions options, IntFunction<Labels> labelsOf, ReplayHandler replay,
            ReplayStats[] statsOut) throws IOException {
        Wal wal = new Wal(dir, options, labelsOf);
        ReplayStats stats = wal.replay(replay);
        if (statsOut != null && statsOut.length > 0) {
            statsOut[0] = stats;
        }
        wal.startSegment(wal.segmentMaxTime.isEmpty() ? 1 : wal.segmentMaxTime.lastKey() + 1);
        return wal;
    }

    static Path segmentDir(Path dir, int segment) {
        return dir.resolve(String.format("%08d", segment));
    }

    /** Segment numbers present on disk, ascending. */
    List<Integer> segmentsOnDisk() throws IOException {
        return segmentsOnDisk(dir);
    }

    /** Segment numbers present in a WAL directory, ascending. */
    static List<Integer> segmentsOnDisk(Path dir) throws IOException {
        List<Integer> out = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("\\d{8}")).forEach(name -> out.add(Integer.parseInt(name)));
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** Receives the WAL's records at replay, in order. */
    public interface ReplayHandler {
        void batch(SampleBatch batch);

        /** Samples in [min, max] of the series with these (WAL) ids were deleted. */
        void deletion(int[] ids, long min, long max);
    }

    private ReplayStats replay(ReplayHandler handler) throws IOException {
        long start = System.nanoTime();
        List<Integer> segments = segmentsOnDisk();
        long records = 0;
        long series = 0;
        long samples = 0;
        long skipped = 0;
        int corrupt = 0;
        if (!segments.isEmpty()) {
            LOG.info(() -> "WAL replay: " + segments.size() + " segment(s) in " + dir);
        }
        WalReplay replay = new WalReplay(path -> build(path, false), number -> segmentDir(dir, number));
        long[] samplesSoFar = new long[1];
        for (int s = 0; s < segments.size(); s++) {
            int number = segments.get(s);
            WalReplay.SegmentResult result;
            try {
                result = replay.replaySegment(number, handler, samplesSoFar,
                        "WAL replay: segment " + (s + 1) + "/" + segments.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("WAL replay interrupted", e);
            }
            records += result.records();
            series += result.series();
            samples += result.samples();
            if (result.problem() != null) {
                corrupt++;
                long afterBad = countRemaining(number, result.records());
                skipped += afterBad;
                LOG.warning(() -> "WAL segment " + String.format("%08d", number) + ": bad record after "
                        + result.records() + " good one(s) (" + result.problem() + "); the tail from there ("
                        + afterBad + " record(s)) is skipped. Appends go to a new segment.");
            }
            segmentMaxTime.put(number, result.maxTime());
            segmentSamples.put(number, result.samples());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        ReplayStats stats = new ReplayStats(segments.size(), records, series, samples, skipped, corrupt, millis);
        if (!segments.isEmpty()) {
            LOG.info(() -> "WAL replay done in " + millis + " ms: " + stats.records() + " records, " + stats.samples()
                    + " samples, " + stats.series() + " series declarations" + (stats.corruptSegments() > 0
                            ? ", " + stats.corruptSegments() + " segment(s) with a bad tail" : ""));
        }
        return stats;
    }

    /** How many documents a segment holds after the first {@code good} ones (best effort). */
    private long countRemaining(int number, long good) {
        try (SingleChronicleQueue q = build(segmentDir(dir, number), false);
                ExcerptTailer tailer = q.createTailer()) {
            long n = 0;
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                }
                n++;
            }
            return Math.max(0, n - good);
        } catch (RuntimeException e) {
            return 1;
        }
    }

    /**
     * Replay opens old segments read-write too: a read-only mapping past the end of a truncated
     * file would fault, a writable one is extended with zeros, which end the segment cleanly.
     */
    private SingleChronicleQueue build(Path path, boolean readOnly) {
        return openSegment(path, options.blockSizeBytes(), readOnly);
    }

    /** Opens a segment's queue as the WAL writes it (also for {@link WalTailer}). */
    static SingleChronicleQueue openSegment(Path path, int blockSizeBytes, boolean readOnly) {
        return SingleChronicleQueueBuilder.binary(path)
                .rollCycle(RollCycles.FAST_HOURLY)
                .blockSize(blockSizeBytes)
                .readOnly(readOnly)
                .timeoutMS(500)
                .build();
    }

    private void startSegment(int number) throws IOException {
        Path path = segmentDir(dir, number);
        Files.createDirectories(path);
        try {
            queue = build(path, false);
            appender = queue.createAppender();
            // Batches come from many scrape threads; log() serializes them, so Chronicle's
            // one-thread-per-appender check would only get in the way.
            appender.singleThreadedCheckDisabled(true);
        } catch (RuntimeException e) {
            throw new IOException("WAL: cannot open segment " + path + ": " + e.getMessage(), e);
        }
        segment = number;
        declared.clear();
        segmentMaxTime.put(number, Long.MIN_VALUE);
        segmentSamples.put(number, 0L);
        LOG.fine(() -> "WAL: appending to segment " + path);
    }

    /**
     * Writes the batch as one record (several for very large batches), declaring in each record
     * the series this segment has not seen yet.
     */
    @Override
    public synchronized void log(SampleBatch batch) throws IOException {
        checkSpace();
        IntArrayList added = new IntArrayList();
        try {
            part.clear();
            long partBytes = 0;
            long maxTime = Long.MIN_VALUE;
            for (int i = 0; i < batch.sampleCount(); i++) {
                int id = batch.sampleId(i);
                if (!declared.get(id)) {
                    Labels labels = labelsOf.apply(id);
                    if (labels != null) {
                        declared.set(id);
                        added.addInt(id);
                        part.addSeries(id, labels);
                        partBytes += estimate(labels);
                    }
                }
                part.addSample(id, batch.sampleTime(i), batch.sampleBits(i));
                partBytes += 14;
                maxTime = Math.max(maxTime, batch.sampleTime(i));
                if (partBytes >= MAX_RECORD_BYTES || part.sampleCount() >= MAX_SAMPLES_PER_RECORD) {
                    write(part);
                    part.clear();
                    partBytes = 0;
                }
            }
            if (part.sampleCount() > 0 || part.seriesCount() > 0) {
                write(part);
            }
            segmentMaxTime.merge(segment, maxTime, Math::max);
            segmentSamples.merge(segment, (long) batch.sampleCount(), Long::sum);
        } catch (IOException e) {
            for (int i = 0; i < added.size(); i++) {
                declared.clear(added.getInt(i));
            }
            throw e;
        } finally {
            part.clear();
        }
        if (options.syncIntervalMillis() == 0 || System.currentTimeMillis() - lastSync >= options.syncIntervalMillis()) {
            sync();
        }
    }

    private static long estimate(Labels labels) {
        long bytes = 8;
        for (int i = 0; i < labels.size(); i++) {
            bytes += labels.name(i).length() + labels.value(i).length() + 4;
        }
        return bytes;
    }

    private void write(SampleBatch record) throws IOException {
        codec.encode(record, null);
        try {
            appender.writeBytes(Bytes.wrapForRead(codec.bytes()).readLimit(codec.length()));
        } catch (RuntimeException | InternalError e) {
            throw new IOException("WAL: cannot write to segment " + segmentDir(dir, segment) + ": " + e, e);
        }
        recordsWritten++;
        bytesWritten += codec.length();
        dirty = true;
    }

    /**
     * One statfs per batch (microseconds): a write into a mapped page of a full filesystem would
     * fault, so the WAL stops while a margin is left. Should the disk fill between check and write
     * anyway, the JVM turns the fault into an InternalError, which {@link #write} reports.
     */
    private void checkSpace() throws IOException {
        long free = store.getUsableSpace();
        if (free < options.minFreeBytes()) {
            throw new IOException("WAL: no space left on device: " + free + " bytes free in " + dir
                    + ", at least " + options.minFreeBytes() + " needed; the batch was not written");
        }
    }

    /**
     * Logs a deletion: replay removes [min, max] from those series at this point of the log.
     * Synced at once: a deletion the admin API confirmed must not come back.
     */
    public synchronized void logDeletion(int[] ids, long min, long max) throws IOException {
        checkSpace();
        for (int from = 0; from < ids.length; from += MAX_SAMPLES_PER_RECORD) {
            int[] part = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + MAX_SAMPLES_PER_RECORD));
            // declare them first: a segment must be able to map these ids on its own
            SampleBatch declare = new SampleBatch();
            for (int id : part) {
                Labels labels = labelsOf.apply(id);
                if (labels != null && !declared.get(id)) {
                    declared.set(id);
                    declare.addSeries(id, labels);
                }
            }
            if (declare.seriesCount() > 0) {
                write(declare);
            }
            codec.encodeDeletion(part, min, max);
            try {
                appender.writeBytes(Bytes.wrapForRead(codec.bytes()).readLimit(codec.length()));
            } catch (RuntimeException | InternalError e) {
                throw new IOException("WAL: cannot write to segment " + segmentDir(dir, segment) + ": " + e, e);
            }
            recordsWritten++;
            bytesWritten += codec.length();
            dirty = true;
        }
        sync();
    }

    /** Forces what was written to disk (fsync of the segment's files changed since the last sync). */
    public synchronized void sync() throws IOException {
        if (!dirty) {
            lastSync = System.currentTimeMillis();
            return;
        }
        long since = lastSync - 2000;
        try (Stream<Path> files = Files.list(segmentDir(dir, segment))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.toString().endsWith(".cq4") && Files.getLastModifiedTime(file).toMillis() >= since) {
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                        ch.force(false);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        dirty = false;
        lastSync = System.currentTimeMillis();
    }

    /** Closes the current segment and starts the next; returns the new segment's number. */
    public synchronized int rotate() throws IOException {
        sync();
        closeQueue();
        startSegment(segment + 1);
        return segment;
    }

    /**
     * Deletes the segments (never the current one) whose samples are all older than {@code time};
     * returns how many.
     */
    public synchronized int deleteSegmentsBefore(long time) throws IOException {
        return deleteSegmentsBefore(time, Integer.MAX_VALUE, time);
    }

    /**
     * As {@link #deleteSegmentsBefore(long)}, but segments numbered {@code keepFrom} or higher (a
     * WAL reader still needs them) are kept unless their samples are all older than
     * {@code hardLimit} too; such a forced deletion is logged with its sample count.
     */
    public synchronized int deleteSegmentsBefore(long time, int keepFrom, long hardLimit) throws IOException {
        int deleted = 0;
        for (Integer number : new ArrayList<>(segmentMaxTime.headMap(segment).keySet())) {
            long maxTime = segmentMaxTime.get(number);
            if (maxTime < time && (number < keepFrom || maxTime < hardLimit)) {
                long samples = segmentSamples.getOrDefault(number, -1L);
                if (number >= keepFrom) {
                    LOG.warning(() -> "WAL segment " + String.format("%08d", number) + " is deleted although a WAL"
                            + " reader (remote write) has not read it: its samples are older than the hold limit; "
                            + samples + " samples in it");
                }
                Dirs.deleteTree(segmentDir(dir, number));
                segmentMaxTime.remove(number);
                segmentSamples.remove(number);
                deletedSamples.put(number, samples);
                if (deletedSamples.size() > 512) {
                    deletedSamples.pollFirstEntry();
                }
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * The samples a segment held when this process deleted it, or -1 when unknown (deleted by
     * an earlier process run, or long ago).
     */
    public synchronized long deletedSegmentSamples(int number) {
        return deletedSamples.getOrDefault(number, -1L);
    }

    /** The WAL's directory. */
    public Path dir() {
        return dir;
    }


    public synchronized int currentSegment() {
        return segment;
    }

    public synchronized int segmentCount() {
        return segmentMaxTime.size();
    }

    public synchronized long recordsWritten() {
        return recordsWritten;
    }

    /** Record bytes written by this process (payload, without Chronicle's 4-byte headers). */
    public synchronized long bytesWritten() {
        return bytesWritten;
    }

    private void closeQueue() {
        if (appender != null) {
            appender.close();
            appender = null;
        }
        if (queue != null) {
            queue.close();
            queue = null;
        }
    }

    @Override
    public synchronized void close() {
        try {
            sync();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "WAL: final sync failed", e);
        }
        closeQueue();
    }
}
