package dev.vigil.jvm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.exporter.host.HostPaths;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open descriptors of a live process (this test's JVM) on the real procfs and on a fixture tree. */
class ProcessFilesTest {
    private static final int PID = (int) ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private static int listed() throws IOException {
        int n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Integer.toString(PID), "fd"))) {
            for (Path ignored : fds) {
                n++;
            }
        }
        return n - 1; // the listing's own descriptor
    }

    @Test
    void countsThisJvmsDescriptorsAsAListingDoesAndFollowsNewOnes() throws IOException {
        ProcessFiles files = new ProcessFiles(HostPaths.defaults());
        int before = listed();
        int counted = files.openFds(PID);
        int after = listed();
        assertTrue(Math.min(before, after) - 2 <= counted && counted <= Math.max(before, after) + 2,
                "counted " + counted + ", listed " + before + " and " + after);

        List<FileChannel> open = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                open.add(FileChannel.open(Files.createFile(dir.resolve("f" + i))));
            }
            int more = files.openFds(PID);
            assertTrue(more >= counted + 18 && more <= counted + 22, "20 more files: " + counted + " -> " + more);
        } finally {
            for (FileChannel c : open) {
                c.close();
            }
        }
    }

    @Test
    void aFixtureTreeIsListedNotSized() throws IOException {
        Path fd = Files.createDirectories(dir.resolve("proc/42/fd"));
        for (int i = 0; i < 3; i++) {
            Files.createFile(fd.resolve(Integer.toString(i)));
        }
        ProcessFiles files = new ProcessFiles(new HostPaths(dir.resolve("proc"), dir.resolve("sys"), dir, dir));
        assertEquals(3, files.openFds(42));
        assertEquals(-1, files.openFds(43), "a process that is gone");
    }
}
