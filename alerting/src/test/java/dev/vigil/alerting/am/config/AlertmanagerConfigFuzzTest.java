package dev.vigil.alerting.am.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.exporter.yaml.ConfigErrors;
import dev.vigil.exporter.yaml.ConfigException;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzz target (Jazzer) for the alertmanager.yml loader: any text either loads (with
 * a route tree whose receivers exist) or is refused with a {@link ConfigException} naming the
 * file, a line within it (0 when the problem has none) and a reason; never another exception.
 * Seeds: the packaged alertmanager.yml and the module's example; found cases join them in
 * {@code AlertmanagerConfigFuzzTestInputs/parse/}.
 */
class AlertmanagerConfigFuzzTest {
    private static final String NAME = "fuzz/alertmanager.yml";

    @FuzzTest
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            AlertmanagerConfig config = ConfigLoader.parse(NAME, text, null);
            assertNotNull(config.route(), "a loaded config has a root route");
        } catch (ConfigException e) {
            ConfigErrors.assertWellFormed(e, NAME, text);
        }
    }
}
