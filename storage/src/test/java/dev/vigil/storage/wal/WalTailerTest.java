package dev.vigil.storage.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.model.Labels;
import dev.vigil.storage.Appender;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.TsdbOptions;
import dev.vigil.storage.head.HeadOptions;
import dev.vigil.storage.head.SampleBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAL tailer follows the log as it is written: across rotations and reopens, from a saved
 * position, reporting segments deleted before it read them; and compaction keeps the segments a
 * reader still needs, up to the hold limit.
 */
class WalTailerTest {
    private static final long HOUR = 3_600_000;

    @TempDir
    Path dir;

    private final List<String> lost = new ArrayList<>();

    private static TsdbOptions options() {
        return TsdbOptions.of(new HeadOptions(HOUR, 120), new WalOptions(1000, 1 << 20, 1 << 20), 0, 0);
    }

    private static void append(Tsdb db, String series, long t, double v) throws Exception {
        Appender app = db.appender();
        app.append(0, Labels.of("__name__", "m", "s", series), t, v);
        app.commit();
    }

    private WalTailer fromEnd(Tsdb db) throws Exception {
        return WalTailer.fromEnd(db.wal().dir(), 1 << 20, db.wal()::deletedSegmentSamples,
                (from, to, samples) -> lost.add(from + "-" + to + ":" + samples));
    }

    private WalTailer resume(Tsdb db, WalTailer.Position from) throws Exception {
        return WalTailer.resume(db.wal().dir(), 1 << 20, from, db.wal()::deletedSegmentSamples,
                (f, to, samples) -> lost.add(f + "-" + to + ":" + samples));
    }

    /** Reads what is there now, as "series@t=v" strings. */
    private static List<String> drain(WalTailer tailer) throws Exception {
        List<String> out = new ArrayList<>();
        SampleBatch batch;
        while ((batch = tailer.next()) != null) {
            for (int i = 0; i < batch.sampleCount(); i++) {
                Labels labels = tailer.labels(batch.sampleId(i));
                out.add(labels.get("s") + "@" + batch.sampleTime(i) + "=" + Double.longBitsToDouble(batch.sampleBits(i)));
            }
        }
        return out;
    }

    @Test
    void followsTheLogFromItsEndAcrossRotations() throws Exception {
        try (Tsdb db = Tsdb.open(dir, options())) {
            append(db, "a", 1000, 1);
            try (WalTailer tailer = fromEnd(db)) {
                assertEquals(List.of(), drain(tailer), "what was there before is not read");
                append(db, "a", 2000, 2);
                append(db, "b", 2000, 3);
                assertEquals(List.of("a@2000=2.0", "b@2000=3.0"), drain(tailer));
                db.wal().rotate();
                append(db, "a", 3000, 4);
                assertEquals(List.of("a@3000=4.0"), drain(tailer), "the new segment declares the series again");
                assertEquals(2, tailer.segment());
                assertNull(tailer.next());
            }
        }
        assertEquals(List.of(), lost);
    }

    @Test
    void resumesAfterASavedPositionAcrossAReopen() throws Exception {
        WalTailer.Position saved;
        try (Tsdb db = Tsdb.open(dir, options())) {
            try (WalTailer tailer = fromEnd(db)) {
                append(db, "a", 1000, 1);
                append(db, "a", 2000, 2);
                assertEquals(List.of("a@1000=1.0"), drain1(tailer));
                saved = tailer.position();
            }
            append(db, "a", 3000, 3);
        }
        try (Tsdb db = Tsdb.open(dir, options())) {
            append(db, "b", 4000, 4);
            try (WalTailer tailer = resume(db, saved)) {
                assertEquals(List.of("a@2000=2.0", "a@3000=3.0", "b@4000=4.0"), drain(tailer));
                assertEquals(2, tailer.segment(), "the reopened TSDB appends to a new segment");
            }
        }
        assertEquals(List.of(), lost);
    }

    /** Reads exactly one record. */
    private static List<String> drain1(WalTailer tailer) throws Exception {
        SampleBatch batch = tailer.next();
        assertTrue(batch != null);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < batch.sampleCount(); i++) {
            out.add(tailer.labels(batch.sampleId(i)).get("s") + "@" + batch.sampleTime(i) + "="
                    + Double.longBitsToDouble(batch.sampleBits(i)));
        }
        return out;
    }

    @Test
    void segmentsDeletedBeforeTheyWereReadAreReportedWithTheirSamples() throws Exception {
        try (Tsdb db = Tsdb.open(dir, options())) {
            WalTailer.Position start = new WalTailer.Position(1, WalTailer.NONE);
            append(db, "a", 1000, 1);
            append(db, "a", 2000, 2);
            db.wal().rotate();
            append(db, "a", 3000, 3);
            db.wal().rotate();
            append(db, "a", 4000, 4);
            assertEquals(2, db.wal().deleteSegmentsBefore(Long.MAX_VALUE));
            try (WalTailer tailer = resume(db, start)) {
                assertEquals(List.of("a@4000=4.0"), drain(tailer));
            }
        }
        assertEquals(List.of("1-2:3"), lost, "segments 1 and 2 held 3 samples");
    }

    @Test
    void compactionKeepsSegmentsAReaderNeedsUpToTheHoldLimit() throws Exception {
        try (Tsdb db = Tsdb.open(dir, options())) {
            db.holdWal(() -> 1, 100 * HOUR);
            fillHours(db, 0, 6);
            assertTrue(Files.isDirectory(db.wal().dir().resolve("00000001")), "held for the reader");
            db.holdWal(() -> Integer.MAX_VALUE, 100 * HOUR);
            fillHours(db, 6, 8);
            assertFalse(Files.isDirectory(db.wal().dir().resolve("00000001")), "released");
        }
        try (Tsdb db = Tsdb.open(dir.resolve("second"), options())) {
            db.holdWal(() -> 1, 2 * HOUR);
            fillHours(db, 0, 8);
            assertFalse(Files.isDirectory(db.wal().dir().resolve("00000001")), "older than the hold limit");
        }
    }

    private static void fillHours(Tsdb db, int fromHour, int toHour) throws Exception {
        for (long t = fromHour * HOUR; t < toHour * HOUR; t += 60_000) {
            append(db, "a", t, t);
            if (t % HOUR == 0) {
                db.compact();
            }
        }
        db.compact();
    }
}
