package dev.vigil.exporter.webconfig;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.exporter.yaml.ConfigErrors;
import dev.vigil.exporter.yaml.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Coverage-guided fuzz target (Jazzer) for the exporters' web-config.yml parser (exporter-toolkit's
 * format plus bearer_auth): any text either loads or is refused with a {@link ConfigException}
 * naming the file, a line within it (0 when the problem has none) and a reason; never another
 * exception. Relative file names resolve against a directory that does not exist, so nothing on
 * the machine is read. Seeds: the Kubernetes manifests' web-config and one using every key.
 */
class WebConfigFuzzTest {
    private static final String NAME = "fuzz/web-config.yml";
    private static final Path NOWHERE = Path.of("target", "fuzz-web-config-none");

    @FuzzTest
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            assertNotNull(WebConfigParser.parse(NAME, text, NOWHERE));
        } catch (ConfigException e) {
            ConfigErrors.assertWellFormed(e, NAME, text);
        }
    }
}
