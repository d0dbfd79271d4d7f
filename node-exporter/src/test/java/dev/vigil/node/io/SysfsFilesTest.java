package dev.vigil.node.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysfsFilesTest {

    @Test
    void readsAttributesTrimmedAndAsValidUtf8(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mtu"), "1500\n");
        Files.write(dir.resolve("label"), new byte[] {' ', 'A', (byte) 0xff, (byte) 0xfe, 'B', '\n'});
        Files.writeString(dir.resolve("empty"), "");
        assertEquals("1500", SysfsFiles.read(dir.resolve("mtu")));
        assertEquals("A\uFFFDB", SysfsFiles.read(dir.resolve("label")));
        assertEquals("", SysfsFiles.read(dir.resolve("empty")));
        assertEquals("15", SysfsFiles.readOnce(dir.resolve("mtu"), 2), "one read of at most the given size");
        assertEquals("1500\n", SysfsFiles.readOnce(dir.resolve("mtu"), 128), "newline kept");
    }

    @Test
    void readsAtMostOnePageAsProcfsDoes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("big"), "x".repeat(5000));
        assertEquals(4096, SysfsFiles.read(dir.resolve("big")).length());
    }

    @Test
    void tellsLinksAndDirectoriesFromAttributes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("flags"), "0x1003\n");
        Files.createSymbolicLink(dir.resolve("ifindex"), Path.of("flags"));
        Files.createDirectories(dir.resolve("statistics"));
        assertEquals("0x1003", SysfsFiles.read(dir.resolve("ifindex")), "read follows links");
        IOException link = assertThrows(IOException.class, () -> SysfsFiles.readNoFollow(dir.resolve("ifindex")));
        assertTrue(SysfsFiles.isNotAttribute(link), link.getMessage());
        IOException directory = assertThrows(IOException.class, () -> SysfsFiles.readNoFollow(dir.resolve("statistics")));
        assertTrue(SysfsFiles.isNotAttribute(directory), directory.getMessage());
        IOException missing = assertThrows(IOException.class, () -> SysfsFiles.readNoFollow(dir.resolve("speed")));
        assertTrue(SysfsFiles.isMissing(missing));
        assertFalse(SysfsFiles.isNotAttribute(missing));
        assertTrue(SysfsFiles.isRegularFile(dir.resolve("flags")));
        assertFalse(SysfsFiles.isRegularFile(dir.resolve("ifindex")));
        assertEquals(List.of("flags", "ifindex", "statistics"), SysfsFiles.list(dir));
    }

    /** A down interface answers EINVAL for speed and carrier: an attribute it does not support now. */
    @Test
    void recognisesRefusedReadsOnALiveSystem() {
        Path speed = Path.of("/sys/class/net/lo/speed");
        assumeTrue(Files.exists(speed), "needs a live /sys");
        IOException e = assertThrows(IOException.class, () -> SysfsFiles.read(speed));
        assertTrue(SysfsFiles.isUnsupported(e), e.getMessage());
        assertFalse(SysfsFiles.isMissing(e));
    }
}
