package dev.vigil.promql.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our scripts' expected values are Prometheus 2.42's answers: every instant eval and every step
 * of every range eval is asked of promtool ({@link PromtoolOracle}), and every eval_fail must fail
 * there too. Skipped only where promtool is not installed.
 */
class ScriptsAgainstPromtoolTest {
    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> scriptsAgreeWithPrometheus() {
        assumeTrue(PromtoolOracle.available(), "promtool is not installed at " + PromtoolOracle.PROMTOOL);
        return ScriptFiles.all().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            Script script = ScriptFiles.parse(path);
            Path dir = work.resolve(path.getFileName().toString());
            java.nio.file.Files.createDirectories(dir);
            List<String> disagreements = new PromtoolOracle(dir).disagreements(script);
            assertEquals(List.of(), disagreements, () -> String.join("\n", disagreements));
        }));
    }
}
