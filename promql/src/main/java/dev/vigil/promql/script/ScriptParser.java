package dev.vigil.promql.script;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a test script the way Prometheus' {@code promql/test.go} does. Lines are trimmed and a
 * line starting with {@code #} counts as blank; a blank line ends a command's block (so a comment
 * inside a {@code load} block ends it too). Commands:
 * <pre>
 * load 5m
 *     metric{a="b"} 0+10x10
 * clear
 * eval instant at 50m sum(metric)
 *     {} 50
 * eval range from 0 to 10m step 5m metric
 *     metric{a="b"} 0 _ 20
 * eval_fail instant at 0 sum by (
 * eval_ordered instant at 50m sort(metric)
 * </pre>
 * An expected line that is a whole number is a scalar and ends the block, as in Prometheus.
 * Expressions are not parsed here: a bad one is the eval's failure when it runs.
 */
public final class ScriptParser {
    private static final Pattern LOAD = Pattern.compile("^load\\s+(.+?)$");
    private static final Pattern EVAL_INSTANT =
            Pattern.compile("^eval(?:_(fail|ordered))?\\s+instant\\s+(?:at\\s+(.+?))?\\s+(.+)$");
    private static final Pattern EVAL_RANGE =
            Pattern.compile("^eval(?:_(fail|ordered))?\\s+range\\s+from\\s+(.+)\\s+to\\s+(.+)\\s+step\\s+(.+?)\\s+(.+)$");

    private final String name;
    private final String[] lines;
    private int i;

    private ScriptParser(String name, String text) {
        this.name = name;
        this.lines = text.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            String l = lines[k].strip();
            lines[k] = l.startsWith("#") ? "" : l;
        }
    }

    /**
     * Parses a script.
     *
     * @param name for messages, usually the file name
     * @throws ScriptSyntaxException on the first line that is not valid
     */
    public static Script parse(String name, String text) throws ScriptSyntaxException {
        return new ScriptParser(name, text).parse();
    }

    private Script parse() throws ScriptSyntaxException {
        List<Command> commands = new ArrayList<>();
        for (i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isEmpty()) {
                continue;
            }
            String word = l.split("[\t ]+", 2)[0].toLowerCase();
            if (word.equals("clear")) {
                commands.add(new Command.Clear(i + 1));
            } else if (word.equals("load")) {
                commands.add(load());
            } else if (word.startsWith("eval")) {
                commands.add(eval());
            } else {
                throw new ScriptSyntaxException(i + 1, "invalid command \"" + l + "\"");
            }
        }
        return new Script(name, commands);
    }

    private Command.Load load() throws ScriptSyntaxException {
        int line = i + 1;
        Matcher m = LOAD.matcher(lines[i]);
        if (!m.matches()) {
            throw new ScriptSyntaxException(line, "invalid load command. (load <step:duration>)");
        }
        long interval = duration(m.group(1), line);
        if (interval <= 0) {
            throw new ScriptSyntaxException(line, "the load interval must be positive");
        }
        List<SeriesDescription> series = new ArrayList<>();
        while (i + 1 < lines.length && !lines[i + 1].isEmpty()) {
            i++;
            series.add(description(lines[i]));
        }
        return new Command.Load(line, interval, series);
    }

    private Command.Eval eval() throws ScriptSyntaxException {
        int line = i + 1;
        Matcher instant = EVAL_INSTANT.matcher(lines[i]);
        Matcher range = EVAL_RANGE.matcher(lines[i]);
        String mod;
        String expr;
        long start;
        long end;
        long step;
        if (range.matches()) {
            mod = range.group(1);
            start = duration(range.group(2).strip(), line);
            end = duration(range.group(3).strip(), line);
            step = duration(range.group(4), line);
            expr = range.group(5);
            if (step <= 0) {
                throw new ScriptSyntaxException(line, "the step of a range eval must be positive");
            }
            if (end < start) {
                throw new ScriptSyntaxException(line, "a range eval must not end before it starts");
            }
            if ("ordered".equals(mod)) {
                throw new ScriptSyntaxException(line, "eval_ordered is not supported for range evals");
            }
        } else if (instant.matches() && instant.group(2) != null) {
            mod = instant.group(1);
            start = end = duration(instant.group(2), line);
            step = 0;
            expr = instant.group(3);
        } else {
            throw new ScriptSyntaxException(line, "invalid evaluation command. (eval[_fail|_ordered] instant at "
                    + "<time> <query>, or eval[_fail] range from <time> to <time> step <duration> <query>)");
        }
        Double scalar = null;
        List<SeriesDescription> expected = new ArrayList<>();
        while (i + 1 < lines.length && !lines[i + 1].isEmpty()) {
            i++;
            Double number = ScriptValues.parseScalarLine(lines[i]);
            if (number != null && step == 0) {
                scalar = number;
                break;
            }
            SeriesDescription d = description(lines[i]);
            if (step == 0 && d.values().size() != 1) {
                throw new ScriptSyntaxException(i + 1, "an instant eval expects exactly one value per series");
            }
            if (step == 0 && d.values().get(0).omitted()) {
                throw new ScriptSyntaxException(i + 1, "an instant eval cannot expect an omitted value");
            }
            if (step > 0 && d.values().size() > (end - start) / step + 1) {
                throw new ScriptSyntaxException(i + 1, "expected " + d.values().size() + " points for "
                        + ScriptLabels.format(d.labels()) + ", but the range has only " + ((end - start) / step + 1)
                        + " steps");
            }
            for (SeriesDescription other : expected) {
                if (other.labels().equals(d.labels())) {
                    throw new ScriptSyntaxException(i + 1, "series " + ScriptLabels.format(d.labels())
                            + " expected twice");
                }
            }
            expected.add(d);
        }
        if ((scalar != null || !expected.isEmpty()) && "fail".equals(mod)) {
            throw new ScriptSyntaxException(line, "eval_fail takes no expected results");
        }
        return new Command.Eval(line, expr, start, end, step, "fail".equals(mod), "ordered".equals(mod), scalar,
                expected);
    }

    private SeriesDescription description(String text) throws ScriptSyntaxException {
        try {
            return SeriesDescription.parse(text);
        } catch (ScriptSyntaxException e) {
            throw e.atLine(i + 1);
        }
    }

    private static long duration(String text, int line) throws ScriptSyntaxException {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ScriptSyntaxException(line, "invalid time or duration \"" + text + "\": " + e.getMessage());
        }
    }
}
