package dev.vigil.hub.cli;

import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.hub.config.ConfigLoader;
import dev.vigil.alerting.rules.RuleFileLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code check config} and {@code check rules}, worded as promtool 2.42 words them. */
final class CheckCommand {
    private CheckCommand() {
    }

    /** Loads each file with the hub's own loader, so a file that passes is one the hub runs. */
    static int config(List<Path> files, PrintStream out, PrintStream err) {
        boolean failed = false;
        for (Path file : files) {
            out.println("Checking " + file);
            try {
                ConfigLoader.load(file);
                out.println(" SUCCESS: " + file + " is valid prometheus config file syntax");
            } catch (ConfigException e) {
                err.println("  FAILED: " + e.file() + ":" + e.line() + ": " + e.reason());
                failed = true;
            }
            out.println();
        }
        return failed ? 1 : 0;
    }

    static int rules(List<Path> files, PrintStream out, PrintStream err) {
        boolean failed = false;
        for (Path file : files) {
            out.println("Checking " + file);
            try {
                RuleFileLoader.Result result = RuleFileLoader.load(file);
                if (result.errors().isEmpty()) {
                    out.println("  SUCCESS: " + result.ruleCount() + " rules found");
                } else {
                    err.println("  FAILED:");
                    result.errors().forEach(err::println);
                    failed = true;
                }
            } catch (ConfigException e) {
                err.println("  FAILED:");
                err.println(e.file() + ":" + e.line() + ": " + e.reason());
                failed = true;
            }
            out.println();
        }
        return failed ? 1 : 0;
    }
}
