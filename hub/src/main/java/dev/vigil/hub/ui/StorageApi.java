package dev.vigil.hub.ui;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.hub.web.Json;
import dev.vigil.storage.Tsdb;
import dev.vigil.storage.block.Block;
import dev.vigil.storage.block.BlockMeta;
import dev.vigil.storage.head.Head;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the TSDB holds on disk ({@code GET /api/vigil/v1/storage}): the data directory, the head
 * (series, time range), the WAL (directory size, segments) and each persisted block (ULID, time
 * range, series, samples, chunks, compaction level, size on disk).
 */
final class StorageApi {
    private final UiFacts facts;

    StorageApi(UiFacts facts) {
        this.facts = facts;
    }

    void routes(HttpRouting.Builder routing) {
        routing.get(VigilApi.PREFIX + "storage", (req, res) -> Json.success(res, this::write));
    }

    private void write(JsonGenerator g) throws IOException {
        Tsdb tsdb = facts.tsdb();
        Head head = tsdb.head();
        List<Block> blocks = List.copyOf(tsdb.blocks());
        g.writeStartObject();
        g.writeStringField("dir", facts.tsdbDir().toString());
        g.writeNumberField("dirBytes", size(facts.tsdbDir()));
        g.writeObjectFieldStart("head");
        g.writeNumberField("numSeries", head.numSeries());
        boolean empty = head.numSeries() == 0 || head.minTime() == Long.MAX_VALUE;
        g.writeNumberField("minTime", empty ? 0 : head.minTime());
        g.writeNumberField("maxTime", empty ? 0 : head.maxTime());
        g.writeNumberField("chunkBytes", head.chunkBytes());
        g.writeEndObject();
        g.writeObjectFieldStart("wal");
        Path walDir = tsdb.wal().dir();
        g.writeStringField("dir", walDir.toString());
        g.writeNumberField("bytes", size(walDir));
        g.writeNumberField("segments", tsdb.wal().segmentCount());
        g.writeNumberField("currentSegment", tsdb.wal().currentSegment());
        g.writeEndObject();
        long total = 0;
        g.writeArrayFieldStart("blocks");
        for (Block b : blocks) {
            BlockMeta m = b.meta();
            long bytes = size(b.dir());
            total += bytes;
            g.writeStartObject();
            g.writeStringField("ulid", m.ulid());
            g.writeNumberField("minTime", m.minTime());
            g.writeNumberField("maxTime", m.maxTime());
            g.writeNumberField("numSeries", m.numSeries());
            g.writeNumberField("numSamples", m.numSamples());
            g.writeNumberField("numChunks", m.numChunks());
            g.writeNumberField("level", m.level());
            g.writeNumberField("bytes", bytes);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("blocksBytes", total);
        g.writeEndObject();
    }

    /**
     * Bytes of the regular files under {@code dir} (0 when it is gone); a walk that meets a
     * directory removed meanwhile (compaction, WAL truncation) is done again.
     */
    static long size(Path dir) {
        for (int attempt = 1; ; attempt++) {
            if (dir == null || !Files.exists(dir)) {
                return 0;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                return files.mapToLong(StorageApi::fileSize).sum();
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 3) {
                    throw e instanceof UncheckedIOException u ? u : new UncheckedIOException((IOException) e);
                }
            }
        }
    }

    private static long fileSize(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException gone) {
            return 0;
        }
    }
}
