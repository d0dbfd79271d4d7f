package dev.vigil.node.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KernelFiles on this live host's /proc/sys, whose files answer only a read at offset 0. */
class KernelFilesSysctlTest {

    @Test
    void readsAWholeSysctlValue() throws Exception {
        String poolSize = KernelFiles.read(Path.of("/proc/sys/kernel/random/poolsize"));
        assertTrue(poolSize.matches("[0-9]{2,}\n"), "poolsize read as '" + poolSize + "'");
        String fileNr = KernelFiles.read(Path.of("/proc/sys/fs/file-nr"));
        assertEquals(3, fileNr.strip().split("\t").length, "file-nr read as '" + fileNr + "'");
    }

    @Test
    void readsFilesLargerThanTheFirstRead(@TempDir Path dir) throws Exception {
        String big = "x".repeat(8192 * 3 + 17);
        Files.writeString(dir.resolve("big"), big);
        assertEquals(big, KernelFiles.read(dir.resolve("big")));
        Files.writeString(dir.resolve("empty"), "");
        assertEquals("", KernelFiles.read(dir.resolve("empty")));
    }
}
