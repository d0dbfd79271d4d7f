package dev.vigil.exporter.flags;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A program's flags, parsed as kingpin (node_exporter's flag library) does: {@code --name=value}
 * or {@code --name value}; booleans as {@code --name}, {@code --no-name} or {@code --name=false};
 * repeatable flags collect every value; {@code --help} and {@code --version} are built in.
 */
public final class FlagSet {
    private final String program;
    private final String description;
    private final Map<String, Flag<?>> flags = new LinkedHashMap<>();
    private final Flag<Boolean> help;
    private final Flag<Boolean> version;

    public FlagSet(String program, String description) {
        this.program = program;
        this.description = description;
        this.help = bool("help", "Show context-sensitive help.", false);
        this.version = bool("version", "Show application version.", false);
    }

    public String program() {
        return program;
    }

    /** A single string flag. */
    public Flag<String> string(String name, String help, String defaultValue) {
        return add(new Flag<>(name, help, placeholder(name), false, false, Function.identity(),
                defaultValue, defaultValue));
    }

    /** A repeatable string flag: every occurrence adds a value; the defaults apply if none is given. */
    public Flag<List<String>> strings(String name, String help, List<String> defaults) {
        ListCollector collector = new ListCollector();
        Flag<List<String>> flag = new Flag<>(name, help, placeholder(name), false, true, collector,
                List.copyOf(defaults), String.join(", ", defaults));
        collector.flag = flag;
        return add(flag);
    }

    /** A boolean flag, settable as {@code --name}, {@code --no-name} or {@code --name=true|false}. */
    public Flag<Boolean> bool(String name, String help, boolean defaultValue) {
        return add(new Flag<>(name, help, "", true, false, FlagSet::parseBool, defaultValue,
                String.valueOf(defaultValue)));
    }

    /** A whole-number flag. */
    public Flag<Integer> integer(String name, String help, int defaultValue) {
        return add(new Flag<>(name, help, placeholder(name), false, false, FlagSet::parseInt, defaultValue,
                String.valueOf(defaultValue)));
    }

    /** A Go-style duration flag ({@code 10s}, {@code 1m}). */
    public Flag<Duration> duration(String name, String help, Duration defaultValue) {
        return add(new Flag<>(name, help, placeholder(name), false, false, GoDuration::parse, defaultValue,
                GoDuration.format(defaultValue)));
    }

    /** A flag whose value must be one of {@code choices}. */
    public Flag<String> choice(String name, String help, String defaultValue, List<String> choices) {
        Function<String, String> parser = raw -> {
            if (!choices.contains(raw)) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", choices));
            }
            return raw;
        };
        return add(new Flag<>(name, help + " One of: [" + String.join(", ", choices) + "]",
                placeholder(name), false, false, parser, defaultValue, defaultValue));
    }

    /** The flag of that name, if defined. */
    public Flag<?> lookup(String name) {
        return flags.get(name);
    }

    /**
     * Parses {@code args}. Afterwards {@link #helpRequested()} or {@link #versionRequested()} may
     * be true, in which case the caller prints {@link #usage()} or its version and exits 0.
     *
     * @throws FlagException for an unknown flag, a missing or bad value, or a positional argument
     */
    public void parse(String... args) throws FlagException {
        for (Flag<?> flag : flags.values()) {
            flag.reset();
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h")) {
                help.accept("true");
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new FlagException("unexpected argument '" + arg + "'");
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            String inline = eq < 0 ? null : body.substring(eq + 1);
            Flag<?> flag = flags.get(name);
            if (flag == null && name.startsWith("no-") && inline == null) {
                Flag<?> negated = flags.get(name.substring(3));
                if (negated != null && negated.isBool()) {
                    negated.accept("false");
                    continue;
                }
            }
            if (flag == null) {
                throw new FlagException("unknown long flag '--" + name + "'");
            }
            if (flag.isBool()) {
                flag.accept(inline == null ? "true" : inline);
            } else if (inline != null) {
                flag.accept(inline);
            } else if (i + 1 < args.length) {
                flag.accept(args[++i]);
            } else {
                throw new FlagException("expected argument for flag '--" + name + "'");
            }
        }
    }

    public boolean helpRequested() {
        return help.get();
    }

    public boolean versionRequested() {
        return version.get();
    }

    /** The {@code --help} text: usage line, description, then every flag with its default. */
    public String usage() {
        StringBuilder out = new StringBuilder();
        out.append("usage: ").append(program).append(" [<flags>]\n\n").append(description).append("\n\nFlags:\n");
        List<String[]> rows = new ArrayList<>();
        int width = 0;
        for (Flag<?> flag : flags.values()) {
            String left = flag.isBool()
                    ? (flag.name().equals("help") ? "-h, " : "    ") + "--[no-]" + flag.name()
                    : "    --" + flag.name() + "=" + flag.placeholder();
            if (flag.isRepeatable()) {
                left += " ...";
            }
            String right = flag.help();
            if (!flag.isBool() && flag.defaultText() != null && !flag.defaultText().isEmpty()) {
                right += " (default: " + flag.defaultText() + ")";
            }
            rows.add(new String[] {left, right});
            width = Math.max(width, left.length());
        }
        for (String[] row : rows) {
            out.append("  ").append(row[0]).append(" ".repeat(width - row[0].length() + 2)).append(row[1]).append('\n');
        }
        return out.toString();
    }

    private <T> Flag<T> add(Flag<T> flag) {
        if (flags.putIfAbsent(flag.name(), flag) != null) {
            throw new IllegalStateException("flag --" + flag.name() + " defined twice");
        }
        return flag;
    }

    private static String placeholder(String name) {
        int dot = name.lastIndexOf('.');
        return name.substring(dot + 1).toUpperCase().replace('-', '_');
    }

    private static Boolean parseBool(String raw) {
        return switch (raw) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    private static Integer parseInt(String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number");
        }
    }

    /** Accumulates a repeatable flag's values: each call returns every value given so far. */
    private static final class ListCollector implements Function<String, List<String>> {
        private Flag<List<String>> flag;

        @Override
        public List<String> apply(String raw) {
            List<String> all = new ArrayList<>(flag.rawValues());
            all.add(raw);
            return List.copyOf(all);
        }
    }
}
