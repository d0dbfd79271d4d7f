package dev.vigil.jvm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code /tmp} listing is reused while {@code /tmp}'s modification time stays, listed again
 * when it moves, and never trusted when made in the same moment as the last change. The test sets
 * the directory's time by hand to stand for "changed" and "not changed".
 */
class UserDirsTest {
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path tmp;
    private final AtomicLong clock = new AtomicLong(T0);

    private static List<String> users(List<Path> dirs) {
        return dirs.stream().map(UserDirs::user).sorted().toList();
    }

    @Test
    void reusesTheListingUntilTmpChanges() throws IOException {
        Files.createDirectory(tmp.resolve("hsperfdata_alice"));
        Files.createFile(tmp.resolve("hsperfdata_notes.txt")); // not a directory
        Files.createDirectory(tmp.resolve("other"));
        Files.setLastModifiedTime(tmp, FileTime.fromMillis(T0 - 60_000));
        UserDirs dirs = new UserDirs(tmp, clock::get);
        assertEquals(List.of("alice"), users(dirs.get()));

        Files.createDirectory(tmp.resolve("hsperfdata_bob"));
        Files.setLastModifiedTime(tmp, FileTime.fromMillis(T0 - 60_000)); // as if the change were not seen
        assertEquals(List.of("alice"), users(dirs.get()), "the listing is reused while the time stays");

        Files.setLastModifiedTime(tmp, FileTime.fromMillis(T0 - 30_000));
        assertEquals(List.of("alice", "bob"), users(dirs.get()), "a new time lists again");
        assertNotNull(dirs.tmpKey());
    }

    @Test
    void aListingMadeRightAfterAChangeIsNotTrusted() throws IOException {
        Files.createDirectory(tmp.resolve("hsperfdata_alice"));
        Files.setLastModifiedTime(tmp, FileTime.fromMillis(T0 - 100)); // changed a moment ago
        UserDirs dirs = new UserDirs(tmp, clock::get);
        assertEquals(List.of("alice"), users(dirs.get()));

        Files.createDirectory(tmp.resolve("hsperfdata_bob")); // in the same tick: the time does not move
        Files.setLastModifiedTime(tmp, FileTime.fromMillis(T0 - 100));
        clock.addAndGet(UserDirs.RACY_MILLIS * 2);
        assertEquals(List.of("alice", "bob"), users(dirs.get()), "a racy listing is made again");

        Files.createDirectory(tmp.resolve("hsperfdata_carol"));
        Files.setLastModifiedTime(tmp, FileTime.fromMillis(T0 - 100));
        assertEquals(List.of("alice", "bob"), users(dirs.get()), "the second listing, made long after, is trusted");
    }

    @Test
    void noTmpMeansNoDirectories() throws IOException {
        UserDirs dirs = new UserDirs(tmp.resolve("missing"), clock::get);
        assertEquals(List.of(), dirs.get());
        assertNull(dirs.tmpKey());
    }
}
