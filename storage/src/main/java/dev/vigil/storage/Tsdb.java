package dev.vigil.storage;

import dev.vigil.model.Labels;
import dev.vigil.storage.block.Block;
import dev.vigil.storage.block.BlockMerger;
import dev.vigil.storage.block.BlockMeta;
import dev.vigil.storage.block.BlockWriter;
import dev.vigil.storage.block.Ulid;
import dev.vigil.storage.files.Dirs;
import dev.vigil.storage.head.Head;
import dev.vigil.storage.head.HeadChunks;
import dev.vigil.storage.head.HeadQuerier;
import dev.vigil.storage.head.MemSeries;
import dev.vigil.storage.head.ParallelApplier;
import dev.vigil.storage.head.SampleBatch;
import dev.vigil.storage.index.Matcher;
import dev.vigil.storage.index.PostingsSelector;
import dev.vigil.storage.query.MergeQuerier;
import dev.vigil.storage.wal.ReplayStats;
import dev.vigil.storage.wal.Wal;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A TSDB in one directory: persisted blocks ({@code <ulid>/}), {@code wal/} and the head in memory.
 * Opening takes the directory's lock file (one process per directory), opens the blocks and
 * replays the WAL into the head. {@link #compact()} cuts the head into blocks, merges blocks and
 * applies retention; the caller runs it periodically (the hub: once a minute).
 */
public final class Tsdb implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Tsdb.class.getName());

    private final Path dir;
    private final TsdbOptions options;
    private final Head head;
    private final Wal wal;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ReplayStats replayStats;
    private final Object compactionLock = new Object();
    /** Sorted by min time, non-overlapping; replaced whole (copy on write). */
    private volatile List<Block> blocks;
    /** The oldest WAL segment a WAL reader still needs (see {@link #holdWal}). */
    private volatile IntSupplier walKeepFrom = () -> Integer.MAX_VALUE;
    private volatile long walHoldMillis;

    private Tsdb(Path dir, TsdbOptions options, Head head, Wal wal, List<Block> blocks, FileChannel lockChannel,
            FileLock lock, ReplayStats replayStats) {
        this.dir = dir;
        this.options = options;
        this.head = head;
        this.wal = wal;
        this.blocks = blocks;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.replayStats = replayStats;
    }

    /**
     * Opens (or creates) the TSDB in {@code dir}.
     *
     * @throws IOException when the directory cannot be used, another process holds it, or a block
     *     is corrupt
     */
    public static Tsdb open(Path dir, TsdbOptions options) throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("storage directory " + dir + " is in use by another process (lock file held)");
        }
        List<Block> blocks = new ArrayList<>();
        HeadChunks headChunks = null;
        try {
            int leftovers = BlockWriter.removeLeftovers(dir);
            if (leftovers > 0) {
                LOG.warning(() -> "removed " + leftovers + " unfinished block(s) left by an interrupted compaction");
            }
            blocks.addAll(openBlocks(dir));
            Head head = new Head(options.head());
            headChunks = HeadChunks.open(dir.resolve("chunks_head"));
            head.useChunkStore(headChunks);
            long blocksMax = blocks.isEmpty() ? Long.MIN_VALUE : blocks.get(blocks.size() - 1).maxTime();
            head.setBlocksMaxTime(blocksMax);
            ReplayStats[] stats = new ReplayStats[1];
            Wal wal;
            try (Replay replay = new Replay(head)) {
                wal = Wal.open(dir.resolve("wal"), options.wal(), id -> {
                    MemSeries s = head.series(id);
                    return s == null ? null : s.labels();
                }, replay, stats);
            }
            return new Tsdb(dir, options, head, wal, blocks, channel, lock, stats[0]);
        } catch (IOException | RuntimeException e) {
            blocks.forEach(Block::close);
            if (headChunks != null) {
                headChunks.close();
            }
            lock.release();
            channel.close();
            throw e;
        }
    }

    /** Opens every block; drops blocks another block was compacted from (a crash before deletion). */
    private static List<Block> openBlocks(Path dir) throws IOException {
        List<Block> all = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(p -> Ulid.isUlid(p.getFileName().toString()) && Files.isDirectory(p)).toList()) {
                all.add(Block.open(p));
            }
        }
        List<Block> kept = new ArrayList<>();
        for (Block b : all) {
            if (isSourceOfAnother(b, all)) {
                LOG.info(() -> "deleting block " + b + ": already compacted into another");
                b.close();
                Dirs.deleteTree(b.dir());
            } else {
                kept.add(b);
            }
        }
        kept.sort(Comparator.comparingLong(Block::minTime));
        return kept;
    }

    private static boolean isSourceOfAnother(Block b, List<Block> all) {
        for (Block other : all) {
            if (other != b && other.meta().level() > b.meta().level()
                    && other.meta().sources().containsAll(b.meta().sources())) {
                return true;
            }
        }
        return false;
    }

    /** Applies replayed WAL records to the head, skipping samples already in blocks. */
    private static final class Replay implements Wal.ReplayHandler, AutoCloseable {
        private final Head head;
        private final ParallelApplier applier;
        /** WAL series id to head series id (0 = unknown); ids are dense, so an array. */
        private int[] walToHead = new int[1 << 16];

        Replay(Head head) {
            this.head = head;
            this.applier = new ParallelApplier(head, ParallelApplier.defaultThreads());
        }

        private int mapped(int walId) {
            return walId > 0 && walId < walToHead.length ? walToHead[walId] : 0;
        }

        private void map(int walId, int headId) {
            if (walId <= 0) {
                return;
            }
            if (walId >= walToHead.length) {
                walToHead = Arrays.copyOf(walToHead, Math.max(walId + 1, walToHead.length * 2));
            }
            walToHead[walId] = headId;
        }

        @Override
        public void batch(SampleBatch batch) {
            for (int i = 0; i < batch.seriesCount(); i++) {
                Labels labels = batch.seriesLabels(i);
                MemSeries s = head.replaySeries(batch.seriesId(i), labels);
                map(batch.seriesId(i), s.id());
            }
            long blocksMax = head.blocksMaxTime();
            for (int i = 0; i < batch.sampleCount(); i++) {
                int id = mapped(batch.sampleId(i));
                if (id != 0 && batch.sampleTime(i) >= blocksMax) {
                    applier.add(id, batch.sampleTime(i), batch.sampleBits(i));
                }
            }
        }

        @Override
        public void deletion(int[] ids, long min, long max) {
            applier.barrier(); // the deletion applies to every sample logged before it
            int[] mappedIds = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                mappedIds[i] = mapped(ids[i]);
            }
            head.deleteRange(mappedIds, min, max);
        }

        @Override
        public void close() {
            applier.close();
        }
    }

    /** A new appender: WAL first, then head. */
    public Appender appender() {
        return head.appender(wal);
    }

    /** A querier over [mint, maxt]: the blocks that overlap it, then the head. */
    public Querier querier(long mint, long maxt) {
        List<Querier> sources = new ArrayList<>();
        for (Block b : blocks) {
            if (b.maxTime() > mint && b.minTime() <= maxt) {
                sources.add(b.querier(mint, maxt));
            }
        }
        sources.add(new HeadQuerier(head, mint, maxt));
        return sources.size() == 1 ? sources.get(0) : new MergeQuerier(sources);
    }

    /**
     * Deletes the samples in [min, max] of the series matching {@code matchers}: in the head (WAL
     * logged first) and as tombstones in the blocks, which compaction applies.
     *
     * @return series affected in the head plus tombstoned series in blocks
     */
    public long deleteSeries(List<Matcher> matchers, long min, long max) throws IOException {
        synchronized (compactionLock) {
            long affected = 0;
            int[] ids = PostingsSelector.select(head.postings(), matchers);
            if (ids.length > 0) {
                wal.logDeletion(ids, min, max);
                head.deleteRange(ids, min, max);
                affected += ids.length;
            }
            for (Block b : blocks) {
                affected += b.delete(matchers, min, max);
            }
            return affected;
        }
    }

    /** What one {@link #compact()} did. */
    public record CompactionResult(int blocksCut, int blocksMerged, int blocksDeleted) {
    }

    /**
     * Cuts the head into blocks while it spans more than 1.5 chunk ranges (the oldest full range
     * each time), merges blocks whose aligned range (3, 9, 27... chunk ranges, up to the max block
     * range) has passed, and deletes blocks beyond the retention time or size.
     */
    public CompactionResult compact() throws IOException {
        synchronized (compactionLock) {
            int cut = 0;
            long range = options.head().chunkRangeMillis();
            while (head.maxTime() != Long.MIN_VALUE && head.minTime() != Long.MAX_VALUE
                    && head.maxTime() - head.minTime() > range * 3 / 2) {
                long start = Math.floorDiv(head.minTime(), range) * range;
                long end = start + range;
                head.setBlocksMaxTime(end); // appends before `end` are refused from now on
                BlockMeta meta = HeadPersister.persist(head, dir, start, end);
                if (meta != null) {
                    addBlock(Block.open(dir.resolve(meta.ulid())));
                    cut++;
                    LOG.info(() -> "head cut into block " + meta.ulid() + " [" + start + ", " + end + "): "
                            + meta.numSeries() + " series, " + meta.numSamples() + " samples");
                }
                head.truncate(end);
                wal.rotate();
                wal.deleteSegmentsBefore(end, walKeepFrom.getAsInt(), end - walHoldMillis);
            }
            int merged = mergeBlocks();
            int deleted = applyRetention();
            return new CompactionResult(cut, merged, deleted);
        }
    }

    private int mergeBlocks() throws IOException {
        int merged = 0;
        long base = options.head().chunkRangeMillis();
        for (long r = base * 3; r <= options.maxBlockRangeMillis(); r *= 3) {
            long range = r;
            boolean again = true;
            while (again) {
                again = false;
                List<Block> current = blocks;
                long horizon = head.blocksMaxTime();
                for (int i = 0; i < current.size(); i++) {
                    long groupStart = Math.floorDiv(current.get(i).minTime(), range) * range;
                    long groupEnd = groupStart + range;
                    List<Block> group = new ArrayList<>();
                    for (int j = i; j < current.size() && current.get(j).maxTime() <= groupEnd; j++) {
                        group.add(current.get(j));
                    }
                    if (group.size() > 1 && groupEnd <= horizon) {
                        BlockMeta meta = BlockMerger.merge(group, dir);
                        LOG.info(() -> "compacted " + group.size() + " blocks into " + (meta == null ? "nothing (all deleted)"
                                : meta.ulid() + " [" + meta.minTime() + ", " + meta.maxTime() + "), level " + meta.level()));
                        replaceBlocks(group, meta == null ? null : Block.open(dir.resolve(meta.ulid())));
                        merged++;
                        again = true;
                        break;
                    }
                }
            }
        }
        return merged;
    }

    private int applyRetention() throws IOException {
        int deleted = 0;
        long newest = Math.max(head.maxTime(), blocks.isEmpty() ? Long.MIN_VALUE : blocks.get(blocks.size() - 1).maxTime());
        if (options.retentionMillis() > 0 && newest != Long.MIN_VALUE) {
            long horizon = newest - options.retentionMillis();
            for (Block b : blocks) {
                if (b.maxTime() <= horizon) {
                    LOG.info(() -> "retention: deleting block " + b + " (older than the retention time)");
                    replaceBlocks(List.of(b), null);
                    deleted++;
                }
            }
        }
        if (options.retentionBytes() > 0) {
            while (!blocks.isEmpty() && blocksBytes() > options.retentionBytes()) {
                Block oldest = blocks.get(0);
                LOG.info(() -> "retention: deleting block " + oldest + " (size limit)");
                replaceBlocks(List.of(oldest), null);
                deleted++;
            }
        }
        return deleted;
    }

    private void addBlock(Block block) {
        List<Block> next = new ArrayList<>(blocks);
        next.add(block);
        next.sort(Comparator.comparingLong(Block::minTime));
        blocks = List.copyOf(next);
    }

    private void replaceBlocks(List<Block> old, Block replacement) throws IOException {
        List<Block> next = new ArrayList<>(blocks);
        next.removeAll(old);
        if (replacement != null) {
            next.add(replacement);
        }
        next.sort(Comparator.comparingLong(Block::minTime));
        blocks = List.copyOf(next);
        for (Block b : old) {
            b.close();
            Dirs.deleteTree(b.dir());
        }
    }


    /**
     * Keeps WAL segments a reader of the log (remote write) has not finished: compaction deletes
     * no segment numbered {@code keepFrom.getAsInt()} or higher unless all its samples are more
     * than {@code maxHoldMillis} older than the block just cut (then it is deleted anyway, with a
     * warning, so a dead receiver cannot fill the disk).
     */
    public void holdWal(IntSupplier keepFrom, long maxHoldMillis) {
        if (maxHoldMillis < 0) {
            throw new IllegalArgumentException("negative WAL hold");
        }
        this.walHoldMillis = maxHoldMillis;
        this.walKeepFrom = keepFrom;
    }

    /**
     * Rewrites every block that has tombstones without the deleted samples (Prometheus'
     * {@code CleanTombstones}); a block left empty is deleted.
     *
     * @return the number of blocks rewritten or deleted
     */
    public int cleanTombstones() throws IOException {
        synchronized (compactionLock) {
            int cleaned = 0;
            for (Block b : blocks) {
                if (!b.tombstones().isEmpty()) {
                    BlockMeta meta = BlockMerger.merge(List.of(b), dir);
                    replaceBlocks(List.of(b), meta == null ? null : Block.open(dir.resolve(meta.ulid())));
                    cleaned++;
                }
            }
            return cleaned;
        }
    }

    /**
     * A consistent copy of the database in {@code target} (an existing, empty directory): hard
     * links to every block's files, and, when {@code withHead}, the head written as one more block.
     *
     * @return the number of blocks in the snapshot
     */
    public int snapshot(Path target, boolean withHead) throws IOException {
        synchronized (compactionLock) {
            int n = 0;
            for (Block b : blocks) {
                Path to = target.resolve(b.dir().getFileName());
                try (Stream<Path> walk = Files.walk(b.dir())) {
                    for (Path p : walk.toList()) {
                        Path dest = to.resolve(b.dir().relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(dest);
                        } else {
                            Files.createLink(dest, p);
                        }
                    }
                }
                n++;
            }
            if (withHead && head.maxTime() != Long.MIN_VALUE && head.minTime() != Long.MAX_VALUE
                    && HeadPersister.persist(head, target, head.minTime(), head.maxTime() + 1) != null) {
                n++;
            }
            Dirs.fsync(target);
            return n;
        }
    }

    /** The persisted blocks, oldest first. */
    public List<Block> blocks() {
        return blocks;
    }

    /** Bytes of all blocks' index and chunk files. */
    public long blocksBytes() {
        long total = 0;
        for (Block b : blocks) {
            total += b.sizeBytes();
        }
        return total;
    }

    public Head head() {
        return head;
    }

    public Wal wal() {
        return wal;
    }

    public Path dir() {
        return dir;
    }

    public TsdbOptions options() {
        return options;
    }

    /** What the WAL replay at open found. */
    public ReplayStats replayStats() {
        return replayStats;
    }

    @Override
    public void close() throws IOException {
        synchronized (compactionLock) {
            try {
                wal.close();
            } finally {
                blocks.forEach(Block::close);
                if (head.chunkStore() != null) {
                    head.chunkStore().close();
                }
                lock.release();
                lockChannel.close();
            }
        }
    }
}
