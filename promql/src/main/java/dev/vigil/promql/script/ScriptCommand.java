package dev.vigil.promql.script;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code vigil-hub test promql FILE...}: runs each script, prints one line per failing eval
 * ({@code file:line: message}) and last {@code N passed, M failed}. A file that cannot be read or
 * parsed prints one line and counts as one failure.
 */
public final class ScriptCommand {
    private ScriptCommand() {
    }

    /** Exit code: 0 when every eval passed, 1 otherwise (2 when no file was given). */
    public static int run(List<Path> files, PrintStream out) {
        if (files.isEmpty()) {
            out.println("usage: test promql FILE...");
            return 2;
        }
        ScriptRunner runner = new ScriptRunner();
        int passed = 0;
        int failed = 0;
        for (Path file : files) {
            Script script;
            try {
                script = ScriptParser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.println(file + ": cannot read: " + e.getMessage());
                failed++;
                continue;
            } catch (ScriptSyntaxException e) {
                out.println(file + ":" + e.line() + ": " + e.reason());
                failed++;
                continue;
            }
            for (Outcome outcome : runner.run(script)) {
                if (outcome.passed()) {
                    passed++;
                } else {
                    failed++;
                    out.println(outcome.describe());
                }
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
