package dev.vigil.alerting.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.exporter.yaml.ConfigErrors;
import dev.vigil.exporter.yaml.ConfigException;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzz target (Jazzer) for the rule-file loader (YAML, rulefmt checks, PromQL and
 * template parsing of each rule): any text either gives groups plus a list of rule errors, each
 * naming the file, or is refused with a {@link ConfigException} naming the file, a line within it
 * (0 when the problem has none) and a reason; never another exception. Seeds: the packaged rules
 * and our promtool-style unit-test rules; found cases join them in {@code RuleFileFuzzTestInputs/parse/}.
 */
class RuleFileFuzzTest {
    private static final String NAME = "fuzz/rules.yml";

    @FuzzTest
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            RuleFileLoader.Result result = RuleFileLoader.parse(NAME, text);
            for (String error : result.errors()) {
                assertTrue(error.startsWith(NAME + ": "), error);
            }
        } catch (ConfigException e) {
            ConfigErrors.assertWellFormed(e, NAME, text);
        }
    }
}
