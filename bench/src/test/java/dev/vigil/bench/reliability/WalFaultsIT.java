package dev.vigil.bench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's WAL under damage, through the real process: (a) a record torn by the kill and (b) a
 * flipped byte near the end of the log are cut at the next start with a log line saying what was
 * cut, and everything before the damage is queryable; (c) a full disk (a tmpfs mounted for the
 * test; CI runs as root) makes remote write answer 500 with the reason while the hub stays up, and
 * once space returns the refused batch goes in and nothing acknowledged is lost, also after a
 * {@code kill -9}. Storage's own tests (TsdbWalTest, DiskFullTest) cover the same at the unit level.
 */
class WalFaultsIT {
    /** Chronicle Queue's INFO chatter when the test reads a segment; held so the setting stays. */
    private static final java.util.logging.Logger CHRONICLE = java.util.logging.Logger.getLogger("net.openhft");

    static {
        CHRONICLE.setLevel(java.util.logging.Level.WARNING);
    }

    @TempDir
    Path dir;

    private static final String EMPTY_CONFIG = "global:\n  scrape_interval: 15s\n";

    private HubProcess hub(Path data) throws IOException {
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, EMPTY_CONFIG);
        return new HubProcess(dir.resolve("hub.log"), "256m",
                List.of("--config.file=" + config, "--storage.tsdb.path=" + data));
    }

    /** Posts batches {@code from..to-1}, each acknowledged (else fails), one ms apart at least. */
    private static void post(HubProcess hub, RemoteWriter writer, SortedMap<Long, Long> acked, long from, long to)
            throws InterruptedException {
        for (long k = from; k < to; k++) {
            long base = Math.max(System.currentTimeMillis(),
                    acked.isEmpty() ? 0 : acked.get(acked.lastKey()) + writer.perSeries());
            int status = RemoteWriter.post(hub.url("/api/v1/write"), writer.batch(k, base));
            assertEquals(204, status, "batch " + k + "\n" + hub.tail());
            acked.put(k, base);
        }
    }

    /** The newest WAL segment's cq4 file and (start, length) of each of its records. */
    private record Segment(Path file, List<long[]> records) {
    }

    private static Segment newestSegment(Path data) throws IOException {
        Path segment;
        try (Stream<Path> dirs = Files.list(data.resolve("wal"))) {
            segment = dirs.filter(p -> p.getFileName().toString().matches("\\d{8}")).max(Path::compareTo).orElseThrow();
        }
        Path file;
        try (Stream<Path> files = Files.list(segment)) {
            file = files.filter(p -> p.toString().endsWith(".cq4")).max(Path::compareTo).orElseThrow();
        }
        List<long[]> records = new ArrayList<>();
        try (SingleChronicleQueue q = SingleChronicleQueueBuilder.binary(segment).rollCycle(RollCycles.FAST_HOURLY)
                .blockSize(1 << 20).build(); ExcerptTailer tailer = q.createTailer()) {
            for (int i = 0; i < 1_000_000; i++) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    records.add(new long[] {dc.wire().bytes().readPosition(), dc.wire().bytes().readRemaining()});
                }
            }
        }
        return new Segment(file, records);
    }

    private static long lines(HubProcess hub, String needle) throws IOException {
        return hub.logText().lines().filter(l -> l.contains(needle)).count();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aTornRecordAndAFlippedByteAreCutAndWhatCameBeforeStays() throws Exception {
        Path data = dir.resolve("data");
        RemoteWriter writer = new RemoteWriter("rw_wal", 10, 5);
        SortedMap<Long, Long> acked = new TreeMap<>();
        HubProcess hub = hub(data);
        try {
            hub.start();
            post(hub, writer, acked, 0, 20);
            hub.kill();

            // (a) the process died half-way through writing its last record: batch 19
            Segment first = newestSegment(data);
            long[] last = first.records().get(first.records().size() - 1);
            try (RandomAccessFile f = new RandomAccessFile(first.file().toFile(), "rw")) {
                f.setLength(last[0] + last[1] / 2);
            }
            hub.start();
            assertEquals(1, lines(hub, "bad record after"), hub.tail());
            String cut = hub.logText().lines().filter(l -> l.contains("bad record after")).findFirst().orElseThrow();
            assertTrue(cut.contains("WAL segment " + first.file().getParent().getFileName()) && cut.contains("is skipped"), cut);
            long torn = acked.lastKey();
            acked.remove(torn);
            RemoteWriter.Check afterTear = writer.check(hub, acked);
            assertEquals(0, afterTear.missing(), "batches before the torn record\n" + hub.tail());
            assertEquals(0, afterTear.unexpected(), "the torn batch is gone, nothing else");

            // (b) a flipped byte near the end of the next segment: its last record (batch 29) fails its checksum
            post(hub, writer, acked, 20, 30);
            hub.kill();
            Segment second = newestSegment(data);
            assertTrue(!second.file().getParent().equals(first.file().getParent()), "a new segment per run");
            long[] end = second.records().get(second.records().size() - 1);
            try (RandomAccessFile f = new RandomAccessFile(second.file().toFile(), "rw")) {
                long at = end[0] + end[1] - 10;
                f.seek(at);
                int b = f.read();
                f.seek(at);
                f.write(b ^ 0x10);
            }
            hub.start();
            assertEquals(1 + 2, lines(hub, "bad record after"), "the first cut is reported again, the second is new\n"
                    + hub.tail());
            acked.remove(acked.lastKey());
            RemoteWriter.Check afterFlip = writer.check(hub, acked);
            assertEquals(0, afterFlip.missing(), "batches before the flipped byte\n" + hub.tail());
            assertEquals(0, afterFlip.unexpected());

            // and the hub takes writes again, which survive one more restart
            post(hub, writer, acked, 30, 35);
            hub.kill();
            hub.start();
            RemoteWriter.Check end2 = writer.check(hub, acked);
            assertEquals(0, end2.missing(), hub.tail());
            new Figures("wal-faults-corruption").put("batches_posted", acked.size() + 2).put("batches_cut", 2)
                    .put("samples_checked", end2.expected()).put("lost_before_damage", end2.missing())
                    .put("ready_ms_after_damage", hub.lastReadyMillis()).write();
        } finally {
            hub.close();
            hub.keepLog("wal-faults-corruption");
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aFullDiskRefusesWritesWith500AndLosesNothing() throws Exception {
        Path mount = dir.resolve("small");
        Files.createDirectories(mount);
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String out = new String(m.getInputStream().readAllBytes());
        assertTrue(m.waitFor(20, TimeUnit.SECONDS) && m.exitValue() == 0,
                "mounting a tmpfs for the full disk needs root (CI runs as root): " + out);
        HubProcess hub = null;
        try {
            Path data = mount.resolve("data");
            hub = hub(data);
            RemoteWriter writer = new RemoteWriter("rw_full", 100, 20);
            SortedMap<Long, Long> acked = new TreeMap<>();
            hub.start();
            post(hub, writer, acked, 0, 10);

            // leave 20 MiB: the WAL refuses batches below 16 MiB free, so ingest fills the rest
            Path filler = mount.resolve("filler");
            long leave = 20L << 20;
            byte[] block = new byte[1 << 16];
            try (RandomAccessFile f = new RandomAccessFile(filler.toFile(), "rw")) {
                for (long left = Files.getFileStore(mount).getUsableSpace() - leave; left > 0; left -= block.length) {
                    f.write(block, 0, (int) Math.min(block.length, left));
                }
            }
            long k = acked.lastKey() + 1;
            int status = 0;
            byte[] refusedBody = null;
            long refusedBase = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && k < 100_000) {
                long base = Math.max(System.currentTimeMillis(), acked.get(acked.lastKey()) + writer.perSeries());
                byte[] body = writer.batch(k, base);
                status = RemoteWriter.post(hub.url("/api/v1/write"), body);
                if (status != 204) {
                    refusedBody = body;
                    refusedBase = base;
                    break;
                }
                acked.put(k++, base);
            }
            long ackedBeforeFull = acked.size();
            assertEquals(500, status, "a full disk is a 5xx, which senders retry\n" + hub.tail());
            assertTrue(hub.logText().contains("remote write: cannot store the request: WAL: no space left on device"),
                    hub.tail());
            for (int i = 0; i < 3; i++) {
                assertEquals(500, RemoteWriter.post(hub.url("/api/v1/write"), refusedBody), "still full");
            }
            assertTrue(hub.alive(), "the hub stays up");
            assertEquals(200, hub.get("/-/healthy").statusCode());
            HttpResponse<String> q = hub.get("/api/v1/query?query=count(rw_full)");
            assertEquals(200, q.statusCode(), q.body());

            Files.delete(filler);
            int retried = 0;
            for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); System.nanoTime() < until; retried++) {
                status = RemoteWriter.post(hub.url("/api/v1/write"), refusedBody);
                if (status == 204) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals(204, status, "ingest resumes once space returns\n" + hub.tail());
            acked.put(k, refusedBase);
            post(hub, writer, acked, k + 1, k + 6);
            RemoteWriter.Check live = writer.check(hub, acked);
            assertEquals(0, live.missing(), hub.tail());
            assertEquals(0, live.unexpected());

            hub.kill();
            hub.start();
            RemoteWriter.Check replayed = writer.check(hub, acked);
            assertEquals(0, replayed.missing(), "every acknowledged sample after kill -9\n" + hub.tail());
            assertEquals(0, replayed.unexpected());
            assertEquals(0, lines(hub, "bad record after"), "no damage in the WAL\n" + hub.tail());
            new Figures("wal-faults-disk-full").put("tmpfs_mib", 64).put("batches_acked_until_full", ackedBeforeFull)
                    .put("samples_acked", replayed.expected()).put("lost", replayed.missing())
                    .put("retries_after_space_returned", retried).write();
        } finally {
            if (hub != null) {
                hub.kill();
                hub.keepLog("wal-faults-disk-full");
            }
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor(20, TimeUnit.SECONDS);
        }
    }
}
