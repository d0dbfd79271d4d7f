package dev.vigil.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * {@code systemd-analyze security --offline=true} with a threshold of 4.0 on each unit file: it must
 * pass (exit 0), and the overall exposure it prints must be at most 4.0 and be the figure the
 * module's README states for the unit (Debian's own prometheus-node-exporter unit scores 9.2).
 * systemd 252 takes the threshold in tenths ({@code --threshold=40} is 4.0; {@code 4.0} does not
 * parse, and {@code 4} would mean 0.4).
 */
class UnitSecurityTest {
    static final List<Unit> UNITS = Unit.ALL;
    static final double THRESHOLD = 4.0;
    static final String THRESHOLD_FLAG = "--threshold=40";
    private static final Pattern OVERALL = Pattern.compile("Overall exposure level for (\\S+): (\\d+\\.\\d)");

    @ParameterizedTest
    @FieldSource("UNITS")
    void exposureIsAtMostFourAndAsDocumented(Unit unit) throws Exception {
        Command security = Command.run(Duration.ofSeconds(60), "systemd-analyze", "security", "--offline=true",
                THRESHOLD_FLAG, unit.file().toString());
        assertEquals(0, security.exitCode(), security.describe());
        Matcher overall = OVERALL.matcher(security.stdout());
        assertTrue(overall.find(), security.describe());
        assertEquals(unit.name(), overall.group(1));
        double exposure = Double.parseDouble(overall.group(2));
        assertTrue(exposure <= THRESHOLD, unit.name() + " exposure " + exposure + "\n" + security.stdout());

        String readme = Files.readString(Unit.moduleDir().resolve("README.md"));
        String row = "| `" + unit.name() + "` | " + overall.group(2) + " |";
        assertTrue(readme.contains(row), "README.md should have the row " + row);
    }

    /** The threshold bites: the node exporter's unit without its sandboxing lines fails it. */
    @Test
    void anUnhardenedUnitFails(@TempDir Path dir) throws Exception {
        UnitFile node = Unit.ALL.getFirst().read();
        Path bare = dir.resolve("vigil-bare.service");
        Files.writeString(bare, "[Unit]\nDescription=bare\n\n[Service]\nUser=vigil\nExecStart="
                + node.get("Service", "ExecStart") + "\n\n[Install]\nWantedBy=multi-user.target\n");
        Command security = Command.run(Duration.ofSeconds(60), "systemd-analyze", "security", "--offline=true",
                THRESHOLD_FLAG, bare.toString());
        assertEquals(1, security.exitCode(), security.describe());
        Matcher overall = OVERALL.matcher(security.stdout());
        assertTrue(overall.find(), security.describe());
        assertTrue(Double.parseDouble(overall.group(2)) > THRESHOLD, security.stdout());
    }
}
