package dev.vigil.promql.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptCommandTest {
    @TempDir
    Path dir;

    @Test
    void reportsUnreadableAndUnparsableFiles() throws Exception {
        Path bad = dir.resolve("bad.test");
        Files.writeString(bad, "load 5m\n  m 1\n\nfrobnicate\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ScriptCommand.run(List.of(bad, dir.resolve("missing.test")), new PrintStream(bytes, true,
                StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(1, code);
        assertEquals(bad + ":4: invalid command \"frobnicate\"", lines[0]);
        assertTrue(lines[1].startsWith(dir.resolve("missing.test") + ": cannot read"), lines[1]);
        assertEquals("0 passed, 2 failed", lines[2]);
    }

    @Test
    void noFilesIsAUsageError() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(2, ScriptCommand.run(List.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    }
}
