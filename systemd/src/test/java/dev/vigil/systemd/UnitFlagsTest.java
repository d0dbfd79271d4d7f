package dev.vigil.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The flags a unit always passes, and the flags its environment file suggests, are flags the
 * binary accepts: each is checked against the binary's own {@code --help}.
 */
class UnitFlagsTest {
    static final List<Unit> UNITS = Unit.ALL;
    /** A flag in an environment file's comments: {@code --name} up to {@code =} or white space. */
    private static final Pattern SUGGESTED = Pattern.compile("(?<![\\w-])--([a-z][A-Za-z0-9_.<>-]*[A-Za-z0-9_>])");

    @ParameterizedTest
    @FieldSource("UNITS")
    void fixedAndSuggestedFlagsAreAccepted(Unit unit) throws Exception {
        Set<String> accepted = Binaries.helpFlags(unit);
        assertTrue(accepted.contains("web.listen-address") && accepted.contains("log.level"),
                "help of " + unit.binary() + " was not read: " + accepted);
        assertFalse(accepted.contains("collector.nonexistent"));

        List<String> fixed = unit.read().fixedFlags();
        for (String flag : fixed) {
            assertTrue(flag.startsWith("--") && flag.contains("="), unit + ": " + flag + " is not a --name=value flag");
            String name = flag.substring(2, flag.indexOf('='));
            assertTrue(accepted.contains(name), unit + " passes --" + name + ", which " + unit.binary() + " does not take");
        }

        List<String> suggested = new ArrayList<>();
        Matcher m = SUGGESTED.matcher(Files.readString(unit.envFile()));
        while (m.find()) {
            String name = m.group(1);
            if (name.contains("<")) {
                continue; // a pattern such as --no-collector.<name>
            }
            suggested.add(name);
            assertTrue(accepted.contains(name), unit.envFile().getFileName() + " suggests --" + name + ", which "
                    + unit.binary() + " does not take");
        }
        assertFalse(suggested.isEmpty(), "no flags found in " + unit.envFile());
    }

    /** The flags the brief and the installed layout fix: config, state and textfile paths. */
    @ParameterizedTest
    @FieldSource("UNITS")
    void fixedFlagsAreTheInstalledLayout(Unit unit) {
        List<String> expected = switch (unit.binary()) {
            case "vigil-hub" -> List.of("--config.file=/etc/vigil/hub.yml", "--storage.tsdb.path=/var/lib/vigil/hub");
            case "vigil-node-exporter" -> List.of("--collector.textfile.directory=/var/lib/vigil/textfile");
            default -> List.of();
        };
        assertEquals(expected, unit.read().fixedFlags());
    }
}
