package dev.vigil.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's exit codes and messages (the running hub is HubLauncherIT's). */
class HubMainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return HubMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsPrometheusFlags() {
        assertEquals(0, run("--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        for (String flag : new String[] {"--config.file", "--web.listen-address", "--web.config.file",
            "--web.external-url", "--storage.tsdb.path", "--storage.tsdb.retention.time",
            "--storage.tsdb.retention.size", "--storage.tsdb.min-block-duration", "--query.lookback-delta", "--log.level", "--log.format"}) {
            assertTrue(usage.contains(flag), flag + " missing from --help");
        }
    }

    @Test
    void badFlagsExitWith2() {
        assertEquals(2, run("--no-such-flag"));
        assertEquals(2, run("--storage.tsdb.retention.time=forever"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not a valid duration string: \"forever\""), err.toString());
        assertEquals(2, run("--storage.tsdb.retention.size=lots"));
        assertEquals(2, run("--storage.tsdb.min-block-duration=0s"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--storage.tsdb.min-block-duration must be positive"),
                err.toString());
    }

    @Test
    void aBadConfigFileExitsWith1AndNamesFileAndLine() throws Exception {
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: often\n");
        assertEquals(1, run("--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:0"));
        String log = err.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("Error loading config") && log.contains("line=2")
                && log.contains("not a valid duration string"), log);
    }
}
