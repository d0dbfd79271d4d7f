package dev.vigil.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * {@code systemd-analyze security --offline=true --threshold=4.0} on each unit file: it must pass
 * (exit 0), and the overall exposure it prints must be at most 4.0 and be the figure the module's
 * README states for the unit (Debian's own prometheus-node-exporter unit scores 9.2).
 */
class UnitSecurityTest {
    static final List<Unit> UNITS = Unit.ALL;
    static final double THRESHOLD = 4.0;
    private static final Pattern OVERALL = Pattern.compile("Overall exposure level for (\\S+): (\\d+\\.\\d)");

    @ParameterizedTest
    @FieldSource("UNITS")
    void exposureIsAtMostFourAndAsDocumented(Unit unit) throws Exception {
        Command security = Command.run(Duration.ofSeconds(60), "systemd-analyze", "security", "--offline=true",
                "--threshold=" + THRESHOLD, unit.file().toString());
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
}
