package dev.vigil.promql.script;

import dev.vigil.model.Labels;
import dev.vigil.storage.Querier;
import dev.vigil.storage.SampleIterator;
import dev.vigil.storage.Series;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Asks real Prometheus (promtool 2.42's rule unit tests) what each eval of a script returns.
 *
 * <p>Every eval (every step of a range eval) becomes a {@code promql_expr_test} at its time,
 * grouped with the series loaded at that point of the script. Each test expects a sample that can
 * never come ({@code {__oracle__="x"}}), so promtool fails every one of them and prints, in order,
 * what it got ({@code got: {a="b"} 1E+00, ...}) or the query's error; that output is the answer,
 * compared here with the script's own tolerance rather than promtool's exact equality (which
 * cannot say NaN equals NaN). promtool turns a scalar into one sample with no labels, and sorts
 * the samples, so neither the result's type nor its order is checked here.
 */
final class PromtoolOracle {
    static final String PROMTOOL = "/usr/bin/promtool";
    private static final String NOT_VECTOR = "rule result is not a vector or scalar";

    /** What promtool said for one eval step: samples, or an error. */
    record Answer(Map<Labels, Double> samples, String error) {
    }

    /** One promql_expr_test: which eval and step it stands for. */
    record Probe(Command.Eval eval, int step, long time) {
    }

    private final Path workDir;

    PromtoolOracle(Path workDir) {
        this.workDir = workDir;
    }

    static boolean available() {
        return Files.isExecutable(Path.of(PROMTOOL));
    }

    /** promtool's answer for every probe of the script, probes in script order. */
    LinkedHashMap<Probe, Answer> ask(Script script) throws IOException, InterruptedException {
        StringBuilder yaml = new StringBuilder("rule_files: [empty.yml]\nevaluation_interval: 1m\ntests:\n");
        List<Probe> probes = new ArrayList<>();
        MemoryStorage storage = new MemoryStorage();
        List<Probe> pending = new ArrayList<>();
        for (Command c : script.commands()) {
            switch (c) {
                case Command.Clear clear -> {
                    flush(yaml, storage, pending, probes);
                    storage.clear();
                }
                case Command.Load load -> {
                    flush(yaml, storage, pending, probes);
                    String error = ScriptRunner.load(storage, load);
                    if (error != null) {
                        throw new IllegalStateException(script.name() + ":" + load.line() + ": " + error);
                    }
                }
                case Command.Eval eval -> {
                    long[] times = eval.stepTimes();
                    for (int i = 0; i < times.length; i++) {
                        pending.add(new Probe(eval, i, times[i]));
                    }
                }
            }
        }
        flush(yaml, storage, pending, probes);
        Files.writeString(workDir.resolve("empty.yml"), "groups: []\n");
        Path file = workDir.resolve("oracle.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        String stderr = runPromtool(file);
        List<String> blocks = blocks(stderr);
        if (blocks.size() != probes.size()) {
            throw new IllegalStateException("promtool gave " + blocks.size() + " answers for " + probes.size()
                    + " queries of " + script.name() + ":\n" + stderr);
        }
        LinkedHashMap<Probe, Answer> answers = new LinkedHashMap<>();
        for (int i = 0; i < probes.size(); i++) {
            String expected = "    expr: " + goQuote(probes.get(i).eval().expr()) + ", time: ";
            if (!blocks.get(i).startsWith(expected)) {
                throw new IllegalStateException("promtool's answer " + i + " is not for " + expected + ":\n" + blocks.get(i));
            }
            answers.put(probes.get(i), parseBlock(blocks.get(i)));
        }
        return answers;
    }

    /**
     * Where Prometheus disagrees with the script: {@code file:line: message} for each eval step
     * whose expected samples (or expected failure) differ from promtool's.
     */
    List<String> disagreements(Script script) throws IOException, InterruptedException {
        LinkedHashMap<Probe, Answer> answers = ask(script);
        List<String> out = new ArrayList<>();
        Map<Command.Eval, List<Map.Entry<Probe, Answer>>> byEval = new LinkedHashMap<>();
        for (Map.Entry<Probe, Answer> e : answers.entrySet()) {
            byEval.computeIfAbsent(e.getKey().eval(), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<Command.Eval, List<Map.Entry<Probe, Answer>>> e : byEval.entrySet()) {
            Command.Eval eval = e.getKey();
            String where = script.name() + ":" + eval.line() + ": ";
            if (eval.fail()) {
                boolean failed = e.getValue().stream().anyMatch(a -> a.getValue().error() != null
                        && (!a.getValue().error().equals(NOT_VECTOR) || eval.range()));
                if (!failed) {
                    out.add(where + "eval_fail, but Prometheus evaluates " + eval.expr() + " without error");
                }
                continue;
            }
            for (Map.Entry<Probe, Answer> step : e.getValue()) {
                String problem = compare(eval, step.getKey(), step.getValue());
                if (problem != null) {
                    out.add(where + (eval.range() ? "at step t=" + step.getKey().time() + ": " : "") + problem);
                    break;
                }
            }
        }
        return out;
    }

    /** The samples the script expects at one step of an eval (a scalar as one unlabeled sample). */
    static Map<Labels, Double> expected(Probe probe) {
        Map<Labels, Double> want = new LinkedHashMap<>();
        Command.Eval eval = probe.eval();
        if (eval.expectedScalar() != null) {
            want.put(Labels.EMPTY, eval.expectedScalar());
        }
        for (SeriesDescription d : eval.expected()) {
            if (probe.step() < d.values().size() && !d.values().get(probe.step()).omitted()) {
                want.put(d.labels(), d.values().get(probe.step()).value());
            }
        }
        return want;
    }

    private static String compare(Command.Eval eval, Probe probe, Answer answer) {
        if (answer.error() != null) {
            return "Prometheus fails: " + answer.error();
        }
        Map<Labels, Double> want = expected(probe);
        for (Map.Entry<Labels, Double> g : answer.samples().entrySet()) {
            Double w = want.get(g.getKey());
            if (w == null) {
                return "Prometheus also returns " + ScriptLabels.format(g.getKey()) + " " + ScriptValues.format(g.getValue())
                        + "; it returns " + show(answer.samples());
            }
            if (!ResultCheck.almostEqual(w, g.getValue())) {
                return "Prometheus gives " + ScriptValues.format(g.getValue()) + " for " + ScriptLabels.format(g.getKey())
                        + ", the script expects " + ScriptValues.format(w);
            }
        }
        for (Labels l : want.keySet()) {
            if (!answer.samples().containsKey(l)) {
                return "Prometheus does not return " + ScriptLabels.format(l) + "; it returns " + show(answer.samples());
            }
        }
        return null;
    }

    static String show(Map<Labels, Double> samples) {
        StringBuilder out = new StringBuilder("[");
        samples.forEach((l, v) -> out.append(out.length() > 1 ? ", " : "").append(ScriptLabels.format(l)).append(' ')
                .append(ScriptValues.format(v)));
        return out.append(']').toString();
    }

    /** Writes one test group: the current series, and the pending probes. */
    private static void flush(StringBuilder yaml, MemoryStorage storage, List<Probe> pending, List<Probe> probes) {
        if (pending.isEmpty()) {
            return;
        }
        List<Series> all;
        try (Querier q = storage.querier(Long.MIN_VALUE, Long.MAX_VALUE)) {
            all = q.select(List.of());
        }
        long interval = 0;
        long last = 0;
        List<long[]> times = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (Series s : all) {
            List<Long> ts = new ArrayList<>();
            List<Double> vs = new ArrayList<>();
            for (SampleIterator it = s.iterator(); it.next(); ) {
                ts.add(it.timestamp());
                vs.add(it.value());
                interval = gcd(interval, it.timestamp());
                last = Math.max(last, it.timestamp());
            }
            times.add(ts.stream().mapToLong(Long::longValue).toArray());
            values.add(vs.stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (interval == 0) {
            interval = 60_000;
        }
        yaml.append("  - interval: ").append(Durations.format(interval)).append("\n    input_series:\n");
        for (int i = 0; i < all.size(); i++) {
            yaml.append("      - series: ").append(yamlQuote(ScriptLabels.format(all.get(i).labels()))).append('\n');
            yaml.append("        values: '").append(notation(times.get(i), values.get(i), interval)).append("'\n");
        }
        // An alert test no rule can satisfy (and none is asked for) makes promtool load every sample.
        long loadTill = (last + 59_999) / 60_000 * 60_000;
        yaml.append("    alert_rule_test:\n      - eval_time: ").append(Durations.format(loadTill))
                .append("\n        alertname: none\n        exp_alerts: []\n");
        yaml.append("    promql_expr_test:\n");
        for (Probe p : pending) {
            yaml.append("      - expr: ").append(yamlQuote(p.eval().expr())).append('\n');
            yaml.append("        eval_time: ").append(Durations.format(p.time())).append('\n');
            yaml.append("        exp_samples: [{labels: '{__oracle__=\"x\"}', value: 0}]\n");
        }
        probes.addAll(pending);
        pending.clear();
    }

    /** One series' samples in the expanding notation at a fixed interval, gaps as {@code _xN}. */
    private static String notation(long[] times, double[] values, long interval) {
        StringBuilder out = new StringBuilder();
        long next = 0;
        for (int i = 0; i < times.length; i++) {
            long gap = (times[i] - next) / interval;
            if (gap > 0) {
                out.append(out.isEmpty() ? "" : " ").append(gap == 1 ? "_" : "_x" + gap);
            }
            out.append(out.isEmpty() ? "" : " ").append(SequenceValue.of(values[i]));
            next = times[i] + interval;
        }
        return out.toString();
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static String yamlQuote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** As Go's %q prints an ASCII string. */
    static String goQuote(String s) {
        return GoStrings.quote(s);
    }

    private String runPromtool(Path file) throws IOException, InterruptedException {
        Path err = workDir.resolve("stderr.txt");
        Process p = new ProcessBuilder(PROMTOOL, "test", "rules", file.getFileName().toString())
                .directory(workDir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("promtool did not finish within 5 minutes");
        }
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** promtool's failure output, one block per failed test, in test order. */
    private static List<String> blocks(String stderr) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : stderr.split("\n", -1)) {
            if (line.startsWith("    expr: ")) {
                if (current != null) {
                    blocks.add(current.toString());
                }
                current = new StringBuilder(line);
            } else if (current != null && !line.isEmpty()) {
                current.append('\n').append(line);
            }
        }
        if (current != null) {
            blocks.add(current.toString());
        }
        return blocks;
    }

    private static Answer parseBlock(String block) {
        int got = block.indexOf("\n        got: ");
        if (got < 0) {
            int err = block.indexOf(", err: ");
            return new Answer(Map.of(), err < 0 ? block : block.substring(err + 7));
        }
        return new Answer(parseSamples(block.substring(got + "\n        got: ".length()).strip()), null);
    }

    /** {@code nil}, or {@code {a="b"} 1E+00, {} NaN}: Go's label sets and 'E'-formatted values. */
    static Map<Labels, Double> parseSamples(String text) {
        Map<Labels, Double> out = new LinkedHashMap<>();
        if (text.equals("nil")) {
            return out;
        }
        int pos = 0;
        while (pos < text.length()) {
            int close = labelSetEnd(text, pos);
            Labels labels;
            try {
                labels = SeriesDescription.parse(text.substring(pos, close)).labels();
            } catch (ScriptSyntaxException e) {
                throw new IllegalStateException("cannot read promtool's labels " + text.substring(pos, close), e);
            }
            int end = text.indexOf(", {", close);
            String value = text.substring(close + 1, end < 0 ? text.length() : end);
            out.put(labels, switch (value) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> Double.parseDouble(value);
            });
            pos = end < 0 ? text.length() : end + 2;
        }
        return out;
    }

    private static int labelSetEnd(String text, int pos) {
        for (int i = pos + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                i = GoStrings.endOfQuoted(text, i) - 1;
            } else if (c == '}') {
                return i + 1;
            }
        }
        throw new IllegalStateException("unterminated label set in " + text);
    }
}
