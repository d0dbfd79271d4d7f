package dev.vigil.container.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHandlesTest {
    @TempDir
    Path dir;

    @Test
    void aKeptFileIsReadAfreshFromTheStart() throws Exception {
        Path file = dir.resolve("memory.stat");
        Files.writeString(file, "cache 1\nrss 2\n");
        try (FileHandles handles = new FileHandles()) {
            assertEquals("cache 1\nrss 2\n", handles.read(file));
            Files.writeString(file, "cache 10\n"); // same inode, shorter content
            assertEquals("cache 10\n", handles.read(file));
            assertEquals(1, handles.size());
        }
    }

    @Test
    void contentLargerThanTheBufferIsReadWhole() throws Exception {
        Path file = dir.resolve("cgroup.procs");
        StringBuilder pids = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            pids.append(100_000 + i).append('\n');
        }
        Files.writeString(file, pids);
        try (FileHandles handles = new FileHandles()) {
            assertEquals(pids.toString(), handles.read(file));
            assertEquals(pids.toString(), handles.read(file));
        }
    }

    @Test
    void sweepClosesWhatWasNotReadSinceTheLastSweep() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.writeString(a, "1");
        Files.writeString(b, "2");
        try (FileHandles handles = new FileHandles()) {
            handles.read(a);
            handles.read(b);
            handles.sweep();
            assertEquals(2, handles.size(), "both were read in the scrape that ended");
            handles.read(a);
            handles.sweep();
            assertEquals(1, handles.size(), "b was not read in the last scrape: its cgroup is gone");
            handles.sweep();
            assertEquals(0, handles.size());
        }
    }

    @Test
    void aMissingFileIsNotKept() throws Exception {
        try (FileHandles handles = new FileHandles()) {
            assertThrows(NoSuchFileException.class, () -> handles.read(dir.resolve("io.pressure")));
            assertEquals(0, handles.size());
        }
    }

    @Test
    void anAbsentFileIsNotLookedForAgainForAWhile() throws Exception {
        long[] now = {0};
        Path file = dir.resolve("blkio.bfq.io_serviced_recursive");
        try (FileHandles handles = new FileHandles(() -> now[0])) {
            assertEquals(null, handles.readIfPresent(file));
            Files.writeString(file, "8:0 Read 1\n");
            now[0] = FileHandles.ABSENT_FOR - 1;
            assertEquals(null, handles.readIfPresent(file), "still remembered as absent");
            now[0] = FileHandles.ABSENT_FOR;
            assertEquals("8:0 Read 1\n", handles.readIfPresent(file), "looked for again after the period");
        }
    }

    /** The kernel regenerates a cgroup file on each read from offset 0: a kept handle sees CPU time grow. */
    @Test
    void aLiveCgroupCounterMovesThroughAKeptHandle() throws Exception {
        Path usage = Path.of("/sys/fs/cgroup/cpuacct/cpuacct.usage");
        boolean v1 = Files.isReadable(usage);
        Path file = v1 ? usage : Path.of("/sys/fs/cgroup/cpu.stat");
        assumeTrue(Files.isReadable(file), "no cgroup CPU accounting file on this host");
        try (FileHandles handles = new FileHandles()) {
            long before = cpu(handles.read(file), v1);
            long spin = System.nanoTime() + 50_000_000L;
            double sink = 0;
            while (System.nanoTime() < spin) {
                sink += Math.sqrt(sink + 1);
            }
            long after = cpu(handles.read(file), v1);
            assertTrue(after > before, "the same handle read " + before + " then " + after + " (" + sink + ")");
        }
    }

    private static long cpu(String content, boolean v1) throws IOException {
        if (v1) {
            return Long.parseLong(content.strip());
        }
        return FlatKeyedFile.parse(content).get("usage_usec");
    }
}
