package dev.vigil.hub.cli;

import dev.vigil.alerting.rules.RuleUnitTest;
import dev.vigil.alerting.rules.TemplateExpander;
import dev.vigil.promql.script.ScriptCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code vigil-hub check config FILE...}, {@code check rules FILE...}, {@code query instant URL
 * EXPR [--time=T]}, {@code query range URL EXPR [--start=T] [--end=T] [--step=D]} and {@code test
 * promql FILE...}. Exit codes as promtool's: 0 success, 1 failure; 2 for a usage error.
 */
public final class Cli {
    private static final Set<String> COMMANDS = Set.of("check", "query", "test");
    private static final String USAGE = """
            usage: vigil-hub check config FILE...
                   vigil-hub check rules FILE...
                   vigil-hub query instant [--time=TIME] URL EXPR
                   vigil-hub query range [--start=TIME] [--end=TIME] [--step=DURATION] URL EXPR
                   vigil-hub test promql FILE...
                   vigil-hub test rules FILE...
            """;

    private Cli() {
    }

    /** Whether {@code args} start with a subcommand rather than flags. */
    public static boolean isSubcommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.asList(args).subList(Math.min(2, args.length), args.length);
        String command = args.length >= 2 ? args[0] + " " + args[1] : args[0];
        Map<String, String> flags = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (String a : rest) {
            if (a.startsWith("--") && a.contains("=")) {
                flags.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                positional.add(a);
            }
        }
        try {
            return switch (command) {
                case "check config" -> CheckCommand.config(paths(positional), out, err);
                case "check rules" -> CheckCommand.rules(paths(positional), out, err);
                case "query instant" -> {
                    only(flags, Set.of("time"));
                    exactly(positional, 2);
                    yield QueryCommand.instant(positional.get(0), positional.get(1), flags.getOrDefault("time", ""),
                            out, err);
                }
                case "query range" -> {
                    only(flags, Set.of("start", "end", "step"));
                    exactly(positional, 2);
                    yield QueryCommand.range(positional.get(0), positional.get(1), flags.getOrDefault("start", ""),
                            flags.getOrDefault("end", ""), flags.getOrDefault("step", ""), out, err);
                }
                case "test promql" -> ScriptCommand.run(paths(positional), out);
                case "test rules" -> new RuleUnitTest(TemplateExpander.PROMETHEUS).run(paths(positional), out);
                default -> throw new IllegalArgumentException("unknown command \"" + command + "\"");
            };
        } catch (IllegalArgumentException e) {
            err.println("vigil-hub: error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
    }

    private static List<Path> paths(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("at least one file is required");
        }
        for (String a : args) {
            if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown flag '" + a + "'");
            }
        }
        return args.stream().map(Path::of).toList();
    }

    private static void only(Map<String, String> flags, Set<String> known) {
        for (String f : flags.keySet()) {
            if (!known.contains(f)) {
                throw new IllegalArgumentException("unknown long flag '--" + f + "'");
            }
        }
    }

    private static void exactly(List<String> positional, int n) {
        for (String a : positional) {
            if (a.startsWith("--")) {
                throw new IllegalArgumentException("flags take their value after '=': " + a);
            }
        }
        if (positional.size() != n) {
            throw new IllegalArgumentException("expected URL and EXPR, got " + positional.size() + " argument(s)");
        }
    }
}
