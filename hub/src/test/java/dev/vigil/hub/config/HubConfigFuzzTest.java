package dev.vigil.hub.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.exporter.yaml.ConfigErrors;
import dev.vigil.exporter.yaml.ConfigException;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzz target (Jazzer) for the hub's prometheus.yml loader: any text either loads
 * or is refused with a {@link ConfigException} naming the file, a line within it (0 when the
 * problem has none) and a reason; never another exception, which {@code /-/reload} would not
 * turn into "the running config stays". Seeds: the packaged hub.yml and a config using every
 * section; found cases join them in {@code HubConfigFuzzTestInputs/parse/}.
 */
class HubConfigFuzzTest {
    private static final String NAME = "fuzz/hub.yml";

    @FuzzTest
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            HubConfig config = ConfigLoader.parse(NAME, text);
            assertNotNull(config.global());
            for (HubConfig.ScrapeConfig scrape : config.scrapeConfigs()) {
                assertFalse(scrape.jobName().isEmpty(), "a scrape config has a job name");
            }
        } catch (ConfigException e) {
            ConfigErrors.assertWellFormed(e, NAME, text);
        }
    }
}
