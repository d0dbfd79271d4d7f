package dev.vigil.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * {@code systemd-analyze verify} on each unit, as installed in a root that holds the repository's
 * launchers as {@code /usr/bin/vigil-*}: what a packager runs before shipping a unit. Clean means
 * exit 0 and not a word of output (verify prints nothing about a unit it has no complaint about).
 */
class UnitVerifyTest {
    static final java.util.List<Unit> UNITS = Unit.ALL;
    private static VerifyRoot root;

    @BeforeAll
    static void buildRoot() {
        root = VerifyRoot.create("verify-root");
    }

    @ParameterizedTest
    @FieldSource("UNITS")
    void verifiesClean(Unit unit) throws Exception {
        Path installed = root.install(unit.name(), Files.readString(unit.file()));
        Command verify = verify(installed);
        assertEquals(0, verify.exitCode(), verify.describe());
        assertEquals("", verify.stdout() + verify.stderr(), verify.describe());
    }

    /** The harness can fail: a unit whose binary is missing and with a misspelt key is reported on both. */
    @Test
    void reportsAMissingBinaryAndAnUnknownKey() throws Exception {
        String text = Files.readString(Unit.ALL.getFirst().file())
                .replace("ExecStart=/usr/bin/vigil-node-exporter", "ExecStart=/usr/bin/vigil-missing")
                .replace("ProtectSystem=strict", "ProtectSystem=strict\nProtectSytem=strict");
        Path installed = root.install("vigil-broken.service", text);
        Command verify = verify(installed);
        assertNotEquals(0, verify.exitCode(), verify.describe());
        assertTrue(verify.stderr().contains("Command /usr/bin/vigil-missing is not executable"), verify.describe());
        assertTrue(verify.stderr().contains("Unknown key 'ProtectSytem'"), verify.describe());
        Files.delete(installed);
    }

    private static Command verify(Path installed) throws Exception {
        return Command.run(Duration.ofSeconds(60), "systemd-analyze", "verify", "--root=" + root.path(),
                installed.toString());
    }
}
