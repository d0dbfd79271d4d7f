package dev.vigil.alerting.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our rule unit tests against promtool 2.42's on the same files: the same verdict, exit code and
 * report (blank lines aside: promtool splits its report between stdout and stderr).
 */
class RuleUnitTestTest {
    private static final Path DIR = Path.of("src/test/resources/unittest");

    @ParameterizedTest
    @ValueSource(strings = {"pass.yml", "fail.yml", "templated.yml"})
    void sameReportAsPromtool(String file) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")), "promtool (Debian's prometheus) not installed");
        Process p = new ProcessBuilder("/usr/bin/promtool", "test", "rules", file).directory(DIR.toFile()).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int promtoolExit = p.waitFor();

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        // Paths as given, relative to the test files' directory, as promtool was run.
        int ours = new RuleUnitTest(TemplateExpander.PROMETHEUS).run(List.of(DIR.resolve(file)),
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        String report = buf.toString(StandardCharsets.UTF_8).replace(DIR.resolve(file).toString(), file);
        assertEquals(promtoolExit, ours);
        assertEquals(nonBlank(stdout + stderr), nonBlank(report));
    }

    private static String nonBlank(String text) {
        return text.lines().filter(l -> !l.isBlank()).collect(Collectors.joining("\n"));
    }
}
